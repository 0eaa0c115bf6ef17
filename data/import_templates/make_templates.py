#!/usr/bin/env python3
# Copyright 2026 Sales Model CRM maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Regenerate the import templates a user starts from.

    python3 data/import_templates/make_templates.py

No database and no server: it needs the ``odoo`` package importable (for the
addon's column definitions and labels) and xlsxwriter.

- ``quotas.xlsx``, next to this script: the blank quota template. The one an
  admin downloads from CRM > Quotas > Import Quotas is the same, with the
  database's periods, owners and regions in its Lists sheet.
- ``customers.xlsx`` and ``contacts.xlsx``: customer companies and their
  contacts with their profiles, for Odoo's own import (Contacts > Import
  records offers them). They are written into the addon's ``static/xls/``,
  which the server serves; the files here are links to them.
"""

import sys
from datetime import datetime
from pathlib import Path

import xlsxwriter

import odoo.addons

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
# the repository's addons, importable as odoo.addons.<name>
odoo.addons.__path__.append(str(REPO))

# pylint: disable=wrong-import-position
import customer_templates  # noqa: E402  (next to this script)

from odoo.addons.sales_model_crm.models.sales_quota import (  # noqa: E402
    REWARD_MODES,
    SalesQuota,
)
from odoo.addons.sales_model_crm_reports.report import (  # noqa: E402
    sales_quota_template_xlsx as template,
)


def _labels(field):
    """The English labels of a selection field, read from its definition."""
    return [label for _value, label in field.args["selection"]]


def make_quota_template(path):
    lists = {
        "owner_type": _labels(SalesQuota.owner_type),
        "basis": _labels(SalesQuota.basis),
        "penalty_mode": _labels(SalesQuota.penalty_mode),
        "reward_mode": [label for _value, label in REWARD_MODES],
    }
    workbook = xlsxwriter.Workbook(str(path))
    # a fixed creation date: regenerating an unchanged template leaves git clean
    workbook.set_properties({"created": datetime(2026, 1, 1), "title": "Quota Import"})
    template.write_quota_template(workbook, lists, [], lang="en_US")
    workbook.close()


def main():
    path = HERE / "quotas.xlsx"
    make_quota_template(path)
    print(f"wrote {path.relative_to(REPO)}")
    for path in customer_templates.write_all(
        REPO / "sales_model_crm" / "static" / "xls"
    ):
        print(f"wrote {path.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
