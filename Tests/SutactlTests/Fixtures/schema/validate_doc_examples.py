# Validates the YAML examples of a Markdown document against the JSON Schema: python3 validate_doc_examples.py SCHEMA DOC.md
import re, sys, json, yaml, jsonschema
schema = json.load(open(sys.argv[1])); v = jsonschema.Draft202012Validator(schema)
text = open(sys.argv[2]).read()
n = bad = 0
for block in re.findall(r"```yaml\n(.*?)```", text, re.S):
    for doc in yaml.safe_load_all(block):
        if not isinstance(doc, dict) or "kind" not in doc or "..." in (doc.get("spec") or {}): continue
        doc.setdefault("apiVersion", "sutactl/v1"); doc.setdefault("metadata", {"name": "example"})
        n += 1
        for e in v.iter_errors(doc):
            bad += 1; print(doc.get("kind"), "/".join(map(str, e.absolute_path)), e.message[:150])
print(f"{n} documented examples, {bad} problems")
sys.exit(1 if bad or n < 5 else 0)
