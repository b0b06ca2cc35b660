import SutaModel
print("sutactl")
