#!/usr/bin/env python3
"""Deterministic synthetic OpenAPI 3.1 documents for benchmarking gen against swift-openapi-generator.

    make_spec.py PATHS SCHEMAS OUT.yaml [--seed S]
    make_spec.py --family PATHS SCHEMAS DIR [--seed S]     # DIR/family-{1,2,4,8}x.yaml

A spec has PATHS item paths (`/v1/.../{id}`), each with GET, PATCH and DELETE (path and query
parameters, JSON bodies, error responses), and SCHEMAS component schemas: mostly objects of 10-20
mixed properties (strings with formats, integers, numbers, booleans, inline enums, nullable
`anyOf [X, null]`, arrays of scalars and of refs, refs, nullable refs, string maps, free-form
objects), plus some `allOf` (a base object + own properties), `oneOf` (2-3 objects) and string
enum schemas. Refs only point at earlier schemas, so there are no cycles. Names, descriptions and
examples vary; the same arguments and seed always give the same bytes. 100/300 is about 0.78 MB
and 1000/3000 about 7.7 MB (the issue's 767 KB and 7.6 MB); size grows linearly with both counts.
Standard library only.
"""

import argparse
import os
import random
import re
import sys

NOUNS = """account address alert allocation annotation artifact asset attachment audit backup
balance batch beacon billing blob branch bucket budget build bundle cache campaign capability
catalog category certificate channel charge checkpoint cluster comment commit component connection
connector contact container contract credential customer dashboard dataset deployment device digest
discount document domain draft endpoint entitlement environment event export feature feed fixture
flag folder form gateway grant group hook host identity image import incident index instance
integration invitation invoice issue job journal key label layer lease ledger license limit listing
location lock manifest match member message metric milestone mirror model monitor namespace network
node note notification offer order organization package page partition payment payout permission
pipeline plan policy pool port price product profile project promotion queue quota receipt record
region registry release report repository reservation resource review role route rule runner
sandbox schedule secret segment sensor service session setting share shipment signal snapshot
source space stage subscription supplier task team template tenant ticket token topic trace
transfer trigger usage variable vault vendor volume webhook workflow workspace zone""".split()

ADJECTIVES = """active archived audit base billing cloud composite custom default detailed edge
external global internal legacy linked managed nested partial pending primary public regional
remote scheduled shared standard summary trusted verified virtual""".split()

SUFFIXES = """Response Request Summary Detail Info Spec Status Settings Record Entry Item Snapshot
Config Stats Input View Payload Result""".split()

ATTRIBUTES = """id name display_name title slug description notes created_at updated_at deleted_at
expires_at started_at finished_at status state kind category priority score ratio weight count
total size_bytes limit quota version revision region zone url homepage email owner_id parent_id
external_id is_enabled is_default is_public is_archived tags labels metadata attributes checksum
locale timezone currency amount duration_ms retries sequence position color icon summary reason
source target channel mode level stage""".split()

VERBS = """tracks describes records holds links groups lists stores controls limits exposes
summarizes identifies configures schedules reports""".split()

FILLER = """the a this each every its current latest previous configured optional default
primary owning related underlying requested returned stored computed effective""".split()

WORDS = """value field object item entry request response server client caller owner resource
record timestamp identifier reference setting window period region account workspace team
organization user policy version state status label tag link limit quota payload cursor page
result error change update deletion creation validation schema format rule""".split()

ENUM_WORDS = """queued pending running ready failed cancelled archived active inactive draft
published suspended deleted expired open closed merged blocked approved rejected low medium high
critical info warning error daily weekly monthly yearly manual automatic internal external
private public read write admin owner viewer editor""".split()


# The share of properties with a description: the main knob for bytes per schema.
DESCRIBED = 0.1
# Objects have 10 + about this many properties (exponentially distributed, at most 20).
PROPERTY_SPREAD = 1.6


def plural(noun):
    if noun.endswith(("s", "x", "ch", "sh")):
        return noun + "es"
    if noun.endswith("y") and noun[-2:-1] not in "aeiou":
        return noun[:-1] + "ies"
    return noun + "s"


def referenced(schema):
    """The component a property schema points at (directly, as array items or in a nullable anyOf)."""
    for candidate in [schema, schema.get("items") or {}] + list(schema.get("anyOf", [])):
        if "$ref" in candidate:
            return candidate["$ref"].rsplit("/", 1)[-1]
    return None


def camel(words):
    return "".join(w[:1].upper() + w[1:] for w in words)


class SpecBuilder:
    def __init__(self, paths, schemas, seed):
        self.rng = random.Random(f"{seed}:{paths}:{schemas}")
        self.n_paths = paths
        self.n_schemas = max(schemas, 4)
        self.schema_names = []
        self.object_names = []  # objects (plain or allOf): usable as bodies, allOf bases, oneOf members
        self.enum_names = []
        self.used_schema_names = {"ErrorPayload"}

    # -- text -------------------------------------------------------------------------------

    def sentence(self, subject=None):
        r = self.rng
        words = [r.choice(FILLER), subject or r.choice(WORDS), r.choice(VERBS), r.choice(FILLER)]
        words += [r.choice(WORDS) for _ in range(r.randint(2, 6))]
        if r.random() < 0.4:
            words += ["for", r.choice(FILLER), r.choice(WORDS)]
        text = " ".join(words)
        return text[0].upper() + text[1:] + "."

    def paragraph(self, lo, hi, subject=None):
        return " ".join(self.sentence(subject) for _ in range(self.rng.randint(lo, hi)))

    # -- names ------------------------------------------------------------------------------

    def new_schema_name(self):
        r = self.rng
        for _ in range(50):
            words = [r.choice(NOUNS), r.choice(SUFFIXES)]
            if r.random() < 0.6:
                words.insert(0, r.choice(ADJECTIVES))
            name = camel(words)
            if name not in self.used_schema_names:
                break
        else:
            name = f"{name}{len(self.used_schema_names)}"
        self.used_schema_names.add(name)
        return name

    def property_names(self, count):
        r = self.rng
        names = []
        seen = set()
        while len(names) < count:
            if r.random() < 0.45:
                name = r.choice(ATTRIBUTES)
            else:
                name = f"{r.choice(NOUNS)}_{r.choice(ATTRIBUTES)}"
            if name not in seen:
                seen.add(name)
                names.append(name)
        return names

    # -- schemas ----------------------------------------------------------------------------

    def enum_values(self):
        values = self.rng.sample(ENUM_WORDS, self.rng.randint(3, 7))
        return values

    def typed_scalar(self, name):
        """A scalar schema that fits the property's name (`*_at` a date-time, `is_*` a boolean...)."""
        r = self.rng
        attribute = name.split("_", 1)[-1] if name.split("_", 1)[0] in NOUNS else name
        if attribute.endswith("_at"):
            return {"type": "string", "format": "date-time"}
        if attribute.startswith("is_"):
            return {"type": "boolean"}
        if attribute == "id" or attribute.endswith("_id"):
            return {"type": "string", "format": "uuid"}
        if attribute in ("count", "total", "size_bytes", "limit", "quota", "retries", "sequence",
                         "position", "duration_ms", "revision", "priority", "version"):
            return {"type": "integer", "format": r.choice(["int32", "int64"]), "minimum": 0}
        if attribute in ("score", "ratio", "weight", "amount"):
            return {"type": "number", "format": "double"}
        if attribute in ("url", "homepage", "icon"):
            return {"type": "string", "format": "uri"}
        if attribute == "email":
            return {"type": "string", "format": "email"}
        if r.random() < 0.3:
            return {"type": "string", "maxLength": r.choice([64, 128, 255, 1024])}
        return {"type": "string"}

    def ref(self, name):
        return {"$ref": f"#/components/schemas/{name}"}

    def property_schema(self, name, earlier_objects, earlier_enums, titled=True):
        r = self.rng
        title = " ".join(w.capitalize() for w in name.split("_"))
        attribute = name.split("_", 1)[-1] if name.split("_", 1)[0] in NOUNS else name
        enumish = attribute in ("status", "state", "kind", "category", "mode", "level", "stage", "channel")
        listish = attribute in ("tags", "labels")
        mapish = attribute in ("metadata", "attributes")
        roll = r.random()
        if enumish and roll < 0.6:
            if earlier_enums and roll < 0.25:
                schema = self.ref(r.choice(earlier_enums))
            else:
                schema = {"type": "string", "enum": self.enum_values()}
                if r.random() < 0.5:
                    schema["default"] = schema["enum"][0]
        elif listish:
            schema = {"type": "array", "items": {"type": "string"}}
        elif mapish:
            schema = ({"type": "object", "additionalProperties": {"type": "string"}} if roll < 0.5 else
                      {"anyOf": [{"type": "object", "additionalProperties": True}, {"type": "null"}]})
        elif roll < 0.50:
            schema = self.typed_scalar(name)
        elif roll < 0.68:
            schema = {"anyOf": [self.typed_scalar(name), {"type": "null"}]}
        elif roll < 0.73:
            schema = {"type": "array", "items": self.typed_scalar(name)}
        elif roll < 0.81 and earlier_objects:
            schema = {"type": "array", "items": self.ref(r.choice(earlier_objects))}
        elif roll < 0.90 and earlier_objects:
            schema = self.ref(r.choice(earlier_objects))
        elif roll < 0.96 and earlier_objects:
            schema = {"anyOf": [self.ref(r.choice(earlier_objects)), {"type": "null"}]}
        else:
            schema = self.typed_scalar(name)
        if "$ref" not in schema:
            if titled:
                schema["title"] = title
            if r.random() < DESCRIBED:
                schema["description"] = self.sentence(name.split("_")[-1])
        return schema

    def object_body(self, earlier_objects, earlier_enums, lo=10, hi=20):
        # 10-20 properties, most often near 10 (mean about 12.5).
        names = self.property_names(min(hi, lo + int(self.rng.expovariate(1 / PROPERTY_SPREAD))))
        # Most objects are pydantic-style (a title on every property), the rest hand-written.
        titled = self.rng.random() < 0.6
        properties = {}
        for name in names:
            schema = self.property_schema(name, earlier_objects, earlier_enums, titled)
            target = referenced(schema)
            if target:  # name a property holding another schema after it: `order_view`, `order_views`
                words = re.findall(r"[A-Z][a-z0-9]*", target)[-2:]
                renamed = "_".join(w.lower() for w in words)
                if schema.get("type") == "array":
                    renamed = plural(renamed)
                if renamed not in properties and renamed not in names:
                    name = renamed
                    if "title" in schema:
                        schema["title"] = " ".join(w.capitalize() for w in name.split("_"))
            properties[name] = schema
        names = list(properties)
        required = [n for n in names if self.rng.random() < 0.5 or n == "id"]
        body = {"type": "object", "properties": properties}
        if required:
            body["required"] = required
        return body

    def example(self, body):
        example = {}
        for name, schema in list(body["properties"].items())[:4]:
            kind = schema.get("type")
            if "enum" in schema:
                example[name] = schema["enum"][0]
            elif kind == "string" and schema.get("format") is None:
                example[name] = f"example {name.replace('_', ' ')}"
            elif kind == "integer":
                example[name] = self.rng.randint(1, 5000)
            elif kind == "boolean":
                example[name] = self.rng.random() < 0.5
        return example

    def build_schemas(self):
        r = self.rng
        schemas = {
            "ErrorPayload": {
                "type": "object",
                "title": "ErrorPayload",
                "description": "The error envelope every failing operation returns.",
                "properties": {
                    "code": {"type": "integer", "title": "Code", "description": "The HTTP status code."},
                    "detail": {"type": "string", "title": "Detail", "description": "A human-readable message."},
                    "error_type": {"type": "string", "title": "Error Type",
                                   "enum": ["not_found", "conflict", "invalid", "forbidden", "server_error"]},
                    "request_id": {"anyOf": [{"type": "string", "format": "uuid"}, {"type": "null"}],
                                   "title": "Request Id"},
                },
                "required": ["code", "detail", "error_type"],
            }
        }
        self.object_names.append("ErrorPayload")
        for i in range(self.n_schemas - 1):
            name = self.new_schema_name()
            roll = r.random()
            if i >= 10 and roll < 0.05:
                schema = {"type": "string", "enum": self.enum_values(), "title": name,
                          "description": self.sentence()}
                self.enum_names.append(name)
            elif i >= 10 and roll < 0.10:
                members = r.sample(self.object_names, r.randint(2, 3))
                schema = {"oneOf": [self.ref(m) for m in members], "title": name,
                          "description": self.sentence()}
            elif i >= 10 and roll < 0.16:
                base = r.choice(self.object_names)
                own = self.object_body(self.object_names, self.enum_names, 5, 10)
                schema = {"allOf": [self.ref(base), own], "title": name,
                          "description": self.sentence()}
                self.object_names.append(name)
            else:
                schema = self.object_body(self.object_names, self.enum_names)
                schema["title"] = name
                schema["description"] = self.sentence(name)
                if r.random() < 0.6:
                    schema["examples"] = [self.example(schema)]
                self.object_names.append(name)
            schemas[name] = schema
            self.schema_names.append(name)
        return schemas

    # -- paths ------------------------------------------------------------------------------

    def build_paths(self):
        r = self.rng
        paths = {}
        operation_ids = set()
        bodies = [n for n in self.object_names if n != "ErrorPayload"] or ["ErrorPayload"]
        for i in range(self.n_paths):
            for _ in range(100):
                depth = r.choice([1, 1, 2, 2, 3])
                nouns = r.sample(NOUNS, depth)
                segments = []
                params = []
                for noun in nouns:
                    segments.append(plural(noun))
                    segments.append("{" + noun + "_id}")
                    params.append(noun + "_id")
                prefix = r.choice(["v1", "v1", "v2", "api/v1"])
                path = "/" + prefix + "/" + "/".join(segments)
                if path not in paths:
                    break
            else:
                path = f"/v1/items{i}/{{item_id}}"
                nouns, params = ["item"], ["item_id"]
            resource = camel(n for n in nouns)
            titled = r.random() < 0.6  # FastAPI-style (titles on parameter schemas) or hand-written
            tag = nouns[0]
            item = {}

            def op_id(verb):
                base = verb + resource
                candidate, k = base, 2
                while candidate in operation_ids:
                    candidate, k = f"{base}{k}", k + 1
                operation_ids.add(candidate)
                return candidate

            def path_parameters(described):
                out = []
                for p in params:
                    schema = {"type": "string", "format": "uuid"} if r.random() < 0.6 else {"type": "string"}
                    if titled:
                        schema["title"] = " ".join(w.capitalize() for w in p.split("_"))
                    parameter = {"name": p, "in": "path", "required": True, "schema": schema}
                    if described and r.random() < 0.5:
                        parameter["description"] = self.sentence(p.split("_")[0])
                    out.append(parameter)
                return out

            def errors(codes):
                descriptions = {400: "Invalid request", 401: "Authentication failed", 403: "Access forbidden",
                                404: "Not found", 409: "Conflict", 422: "Validation error"}
                return {str(c): {"description": descriptions[c],
                                 "content": {"application/json": {"schema": self.ref("ErrorPayload")}}}
                        for c in codes}

            response = r.choice(bodies)
            get_params = path_parameters(True) + [
                {"name": "fields", "in": "query", "required": False,
                 "schema": {"type": "array", "items": {"type": "string"}, "title": "Fields"},
                 "description": "Only return these fields."},
                {"name": "include_deleted", "in": "query", "required": False,
                 "schema": {"type": "boolean", "default": False, "title": "Include Deleted"}},
            ]
            if r.random() < 0.5:
                get_params.append({"name": "expand", "in": "query", "required": False,
                                   "schema": {"type": "string", "enum": self.enum_values(), "title": "Expand"}})
            if r.random() < 0.5:
                get_params.append({"name": "page_size", "in": "query", "required": False,
                                   "schema": {"type": "integer", "minimum": 1, "maximum": 500, "default": 50,
                                              "title": "Page Size"}})
            item["get"] = {
                "tags": [tag],
                "summary": f"Get {' '.join(nouns[-1:])}",
                "description": self.sentence(nouns[-1]),
                "operationId": op_id("get"),
                "security": [{"HTTPBearer": []}],
                "parameters": get_params,
                "responses": {"200": {"description": "Successful Response",
                                      "content": {"application/json": {"schema": self.ref(response)}}},
                              **errors([404])},
            }
            item["patch"] = {
                "tags": [tag],
                "summary": f"Update {nouns[-1]}",
                "operationId": op_id("update"),
                "security": [{"HTTPBearer": []}],
                "parameters": path_parameters(False),
                "requestBody": {"required": True,
                                "content": {"application/json": {"schema": self.ref(r.choice(bodies))}}},
                "responses": {"200": {"description": "Successful Response",
                                      "content": {"application/json": {"schema": self.ref(response)}}},
                              **errors([422])},
            }
            delete_params = path_parameters(False)
            if r.random() < 0.5:
                delete_params.append({"name": "force", "in": "query", "required": False,
                                      "schema": {"type": "boolean", "default": False, "title": "Force"},
                                      "description": self.sentence("deletion")})
            item["delete"] = {
                "tags": [tag],
                "summary": f"Delete {nouns[-1]}",
                "operationId": op_id("delete"),
                "security": [{"HTTPBearer": []}],
                "parameters": delete_params,
                "responses": {"204": {"description": "Deleted"}, **errors([404])},
            }
            paths[path] = item
        return paths

    def build(self):
        schemas = self.build_schemas()
        paths = self.build_paths()
        return {
            "openapi": "3.1.0",
            "info": {"title": "Synthetic API", "version": "1.0.0",
                     "description": f"A synthetic API with {self.n_paths} paths and {self.n_schemas} schemas, "
                                    "generated by Benchmarks/make_spec.py."},
            "servers": [{"url": "https://api.example.com"}],
            "paths": paths,
            "components": {
                "schemas": schemas,
                "securitySchemes": {"HTTPBearer": {"type": "http", "scheme": "bearer"}},
            },
        }


# -- YAML output (block style, like PyYAML's default) -----------------------------------------

PLAIN = re.compile(r"^[A-Za-z_/$][A-Za-z0-9 _./(),{}-]*$")
RESERVED = {"true", "false", "null", "yes", "no", "on", "off", "y", "n", "~"}


def scalar(value):
    if value is True:
        return "true"
    if value is False:
        return "false"
    if value is None:
        return "null"
    if isinstance(value, (int, float)):
        return repr(value)
    text = str(value)
    if PLAIN.match(text) and text.lower() not in RESERVED and not text.endswith(" ") and "{" not in text[:1]:
        return text
    return "'" + text.replace("'", "''") + "'"


def emit(node, indent, out):
    pad = " " * indent
    if isinstance(node, dict):
        for key, value in node.items():
            k = scalar(key)
            if isinstance(value, dict) and value:
                out.append(f"{pad}{k}:\n")
                emit(value, indent + 2, out)
            elif isinstance(value, list) and value:
                out.append(f"{pad}{k}:\n")
                emit(value, indent, out)
            else:
                out.append(f"{pad}{k}: {inline_empty(value)}\n")
    elif isinstance(node, list):
        for value in node:
            if isinstance(value, dict) and value:
                lines = []
                emit(value, indent + 2, lines)
                first = lines[0]
                out.append(f"{pad}- {first[indent + 2:]}")
                out.extend(lines[1:])
            elif isinstance(value, list) and value:
                lines = []
                emit(value, indent + 2, lines)
                out.append(f"{pad}- {lines[0][indent + 2:]}")
                out.extend(lines[1:])
            else:
                out.append(f"{pad}- {inline_empty(value)}\n")


def inline_empty(value):
    if isinstance(value, dict):
        return "{}"
    if isinstance(value, list):
        return "[]"
    return scalar(value)


def render(paths, schemas, seed=1):
    spec = SpecBuilder(paths, schemas, seed).build()
    out = [f"# Synthetic OpenAPI document: {paths} paths, {schemas} schemas, seed {seed} (Benchmarks/make_spec.py).\n"]
    emit(spec, 0, out)
    return "".join(out)


def write_spec(paths, schemas, out_path, seed=1):
    """Writes the spec unless the file already holds exactly these bytes (keeps mtimes). Returns its size."""
    text = render(paths, schemas, seed).encode()
    try:
        with open(out_path, "rb") as f:
            if f.read() == text:
                return len(text)
    except OSError:
        pass
    os.makedirs(os.path.dirname(os.path.abspath(out_path)), exist_ok=True)
    with open(out_path, "wb") as f:
        f.write(text)
    return len(text)


FAMILY = (1, 2, 4, 8)


def family_paths(base_paths, base_schemas, directory):
    return [(k, base_paths * k, base_schemas * k, os.path.join(directory, f"family-{k}x.yaml")) for k in FAMILY]


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--family", action="store_true",
                        help="write DIR/family-{1,2,4,8}x.yaml at 1, 2, 4 and 8 times PATHS/SCHEMAS")
    parser.add_argument("paths", type=int)
    parser.add_argument("schemas", type=int)
    parser.add_argument("out", help="the YAML file (or, with --family, the folder)")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    if args.family:
        for k, p, s, path in family_paths(args.paths, args.schemas, args.out):
            size = write_spec(p, s, path, args.seed)
            print(f"{path}: {k}x, {p} paths, {s} schemas, {size / 1e3:.0f} KB")
    else:
        size = write_spec(args.paths, args.schemas, args.out, args.seed)
        print(f"{args.out}: {args.paths} paths, {args.schemas} schemas, {size / 1e3:.0f} KB")


if __name__ == "__main__":
    main(sys.argv[1:])
