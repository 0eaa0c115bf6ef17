# Copyright 2026 Sales Model CRM maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The shared test corpora of the repository's data/ folder, for the addons'
tests and the cross-addon tests alike."""

import json
from pathlib import Path

BAD_STRINGS_FILE = Path(__file__).resolve().parents[2] / "data" / "bad_strings.json"


def load_bad_strings():
    """{id: text} of data/bad_strings.json, the 10 kB name built."""
    entries = json.loads(BAD_STRINGS_FILE.read_text(encoding="utf-8"))["strings"]
    return {
        entry["id"]: entry["text"]
        if "text" in entry
        else entry["repeat"] * entry["count"]
        for entry in entries
    }
