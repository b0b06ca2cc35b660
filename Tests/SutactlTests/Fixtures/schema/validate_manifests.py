# Validates YAML manifests (multi-document) against the JSON Schema: python3 validate_manifests.py SCHEMA FILE...
import sys, json, yaml, glob, jsonschema
schema = json.load(open(sys.argv[1]))
jsonschema.Draft202012Validator.check_schema(schema)
v = jsonschema.Draft202012Validator(schema)
bad = 0
for path in sys.argv[2:]:
    for i, doc in enumerate(yaml.safe_load_all(open(path))):
        if doc is None: continue
        for e in v.iter_errors(doc):
            bad += 1
            print(f"{path}#{i}: {'/'.join(map(str, e.absolute_path))}: {e.message[:200]}")
print(f"{bad} problems")
sys.exit(1 if bad else 0)
