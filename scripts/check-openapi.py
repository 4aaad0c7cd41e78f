#!/usr/bin/env python3
"""Validates the REST API's OpenAPI document against the OpenAPI 3.1 specification.

Usage: check-openapi.py BINARY

Prints the document with `BINARY openapi` and checks it with openapi-spec-validator, installed
from PyPI into a virtual environment under .build/ on first use (the system Python is left alone).
That the document lists exactly the server's routes is checked by the Swift tests (OpenAPITests).
"""
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
VENV = os.path.join(ROOT, ".build", "python-tools")


def validator_python():
    python = os.path.join(VENV, "bin", "python")
    if not os.path.exists(python):
        subprocess.run([sys.executable, "-m", "venv", VENV], check=True)
    probe = subprocess.run([python, "-c", "import openapi_spec_validator"], capture_output=True)
    if probe.returncode != 0:
        subprocess.run([python, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "openapi-spec-validator==0.7.1"], check=True)
    return python


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: check-openapi.py BINARY")
    document = subprocess.run([sys.argv[1], "openapi"], check=True, capture_output=True, text=True).stdout
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as handle:
        handle.write(document)
        path = handle.name
    try:
        result = subprocess.run(
            [validator_python(), "-c",
             "import json, sys\n"
             "from openapi_spec_validator import validate\n"
             "from openapi_spec_validator.validation.validators import OpenAPIV31SpecValidator\n"
             "spec = json.load(open(sys.argv[1]))\n"
             "errors = list(OpenAPIV31SpecValidator(spec).iter_errors())\n"
             "for error in errors: print('invalid:', error.message, 'at', '/'.join(map(str, error.absolute_path)))\n"
             "sys.exit(1 if errors else 0)\n",
             path],
            capture_output=True, text=True)
    finally:
        os.unlink(path)
    sys.stdout.write(result.stdout)
    sys.stderr.write(result.stderr)
    if result.returncode != 0:
        sys.exit("FAIL: the OpenAPI document does not validate against OpenAPI 3.1")
    print("ok: the OpenAPI document validates against OpenAPI 3.1 (openapi-spec-validator)")


if __name__ == "__main__":
    main()
