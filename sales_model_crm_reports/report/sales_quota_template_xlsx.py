# Copyright 2026 Sales Model CRM maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The quota import template: one "Quotas" sheet a manager fills in Excel.

The layout (columns, hidden key row, lists) is shared with the import wizard,
which reads the columns by their keys, and with
``data/import_templates/make_templates.py``, which writes the blank template
without a database: ``write_quota_template`` only needs xlsxwriter.
"""

from typing import NamedTuple

from xlsxwriter.utility import xl_col_to_name, xl_rowcol_to_cell

from odoo import _, models
from odoo.tools.translate import LazyTranslate

from .xlsx_base import sheet_name

_lt = LazyTranslate(__name__)

REPORT_XMLID = "sales_model_crm_reports.action_report_sales_quota_template_xlsx"

# title, instructions, hidden column keys, headers, then one quota a row
TITLE_ROW, NOTE_ROW, KEY_ROW, HEADER_ROW = range(4)
FIRST_ROW = HEADER_ROW + 1
# rows below the header that get the drop-down lists
VALIDATED_ROWS = 2000


class Column(NamedTuple):
    key: str  # written in the hidden key row: the import finds columns by it
    header: object  # lazy translation
    help: object  # lazy translation, shown as the header's comment
    kind: str  # text, selection (strict list), amount or share
    list_key: str | None = None  # the "Lists" column its values come from
    width: int = 14


COLUMNS = (
    Column(
        "line",
        _lt("Line"),
        _lt(
            "Optional: a short key of your own (L1, L2, ...) that other lines "
            "name in Split From."
        ),
        "text",
        width=8,
    ),
    Column(
        "period",
        _lt("Period"),
        _lt("The name of an assessment period, as in Configuration > Periods."),
        "text",
        "period",
        18,
    ),
    Column(
        "owner_type",
        _lt("Owner Is"),
        _lt("Salesperson, sales team or agent."),
        "selection",
        "owner_type",
    ),
    Column(
        "owner",
        _lt("Owner"),
        _lt(
            "A salesperson's login, a sales team's name, or an agent's "
            "reference (or name): see the Lists sheet."
        ),
        "text",
        width=24,
    ),
    Column(
        "basis",
        _lt("Counts As"),
        _lt("What counts as the actual."),
        "selection",
        "basis",
        30,
    ),
    Column(
        "region",
        _lt("Sales Region"),
        _lt("Optional: only the sales of this region count."),
        "text",
        "region",
        18,
    ),
    Column(
        "product_line",
        _lt("Product Line"),
        _lt("Optional: a product category; only its sales count."),
        "text",
        "product_line",
        18,
    ),
    Column(
        "customer_tier",
        _lt("Customer Tier"),
        _lt("Optional: only the sales to customers of this tier count."),
        "text",
        "customer_tier",
    ),
    Column(
        "minimum",
        _lt("Minimum"),
        _lt("保底. Empty: the target. Minimum <= target <= stretch."),
        "amount",
    ),
    Column("target", _lt("Target"), _lt("达标. Required."), "amount"),
    Column("stretch", _lt("Stretch"), _lt("冲刺. Empty: the target."), "amount"),
    Column(
        "parent",
        _lt("Split From"),
        _lt(
            "Optional: the Line of the quota this one is a part of (a quarter's "
            "month, a team's salesperson). The parts must add up to it."
        ),
        "text",
        width=10,
    ),
    Column(
        "split_share",
        _lt("Share of Parent (%)"),
        _lt("Optional: 30 for 30 %. Empty: the target's share of the parent's."),
        "share",
        width=12,
    ),
    Column(
        "penalty_mode",
        _lt("Penalty Mode"),
        _lt("Empty: a fixed amount."),
        "selection",
        "penalty_mode",
        18,
    ),
    Column(
        "penalty_value",
        _lt("Penalty below Minimum"),
        _lt("An amount, or a percentage of the shortfall."),
        "amount",
    ),
    Column(
        "reward_minimum_mode",
        _lt("Reward Mode at Minimum"),
        _lt("Empty: a fixed amount."),
        "selection",
        "reward_mode",
        18,
    ),
    Column(
        "reward_minimum_value",
        _lt("Reward at Minimum"),
        _lt("An amount, or a percentage of the excess."),
        "amount",
    ),
    Column(
        "reward_target_mode",
        _lt("Reward Mode at Target"),
        _lt("Empty: a fixed amount."),
        "selection",
        "reward_mode",
        18,
    ),
    Column(
        "reward_target_value",
        _lt("Reward at Target"),
        _lt("An amount, or a percentage of the excess."),
        "amount",
    ),
    Column(
        "reward_stretch_mode",
        _lt("Reward Mode at Stretch"),
        _lt("Empty: a fixed amount."),
        "selection",
        "reward_mode",
        18,
    ),
    Column(
        "reward_stretch_value",
        _lt("Reward at Stretch"),
        _lt("An amount, or a percentage of the excess."),
        "amount",
    ),
)
COLUMN_KEYS = tuple(column.key for column in COLUMNS)

# the "Lists" sheet, in this order: valid values, and owners for reference
LISTS = (
    ("period", _lt("Periods")),
    ("owner_type", _lt("Owner Types")),
    ("basis", _lt("Counts As")),
    ("user", _lt("Salesperson Logins")),
    ("team", _lt("Sales Teams")),
    ("agent", _lt("Agents")),
    ("region", _lt("Sales Regions")),
    ("product_line", _lt("Product Lines")),
    ("customer_tier", _lt("Customer Tiers")),
    ("penalty_mode", _lt("Penalty Modes")),
    ("reward_mode", _lt("Reward Modes")),
)

SHEET_QUOTAS = _lt("Quotas")
SHEET_LISTS = _lt("Lists")
TITLE = _lt("Quota Import")
NOTE = _lt(
    "One quota a line. Keep the header rows; pick Owner Is and Counts As from "
    "their lists. Import the file under CRM > Quotas > Import Quotas: "
    "nothing is written unless every line is valid."
)
INSTRUCTIONS = _lt(
    "Owner: a salesperson's login, a sales team's name or an agent's "
    "reference. Amounts: minimum <= target <= stretch, none negative. To split "
    "a quota (a quarter into months, a team into salespeople), give it a Line "
    "and name that Line in the Split From column of its parts. The Lists sheet "
    "(hidden: right-click a sheet tab > Unhide) holds the valid values."
)


def write_quota_template(workbook, lists, rows, lang="en_US"):
    """Write the template into an xlsxwriter ``workbook``.

    :param lists: {list key of LISTS: [text, ...]}, the valid values
    :param rows: [{column key: value}], the quotas to pre-fill
    :param lang: the language of headers and notes
    """
    quotas = workbook.add_worksheet(sheet_name(SHEET_QUOTAS._translate(lang)))
    lists_sheet = workbook.add_worksheet(sheet_name(SHEET_LISTS._translate(lang)))
    formats = {
        "title": workbook.add_format({"bold": True, "font_size": 14}),
        "note": workbook.add_format({"italic": True, "font_color": "#595959"}),
        "header": workbook.add_format(
            {"bold": True, "bg_color": "#D9E1F2", "bottom": 1, "text_wrap": True}
        ),
        "text": workbook.add_format({"num_format": "@"}),
        "amount": workbook.add_format({"num_format": "#,##0.00"}),
        "share": workbook.add_format({"num_format": "0.00"}),
    }
    ranges = _write_lists(lists_sheet, formats, lists, lang)
    quotas.write_string(TITLE_ROW, 0, TITLE._translate(lang), formats["title"])
    quotas.write_comment(
        TITLE_ROW, 0, INSTRUCTIONS._translate(lang), {"x_scale": 3, "y_scale": 2}
    )
    quotas.write_string(NOTE_ROW, 0, NOTE._translate(lang), formats["note"])
    quotas.set_row(KEY_ROW, None, None, {"hidden": True})
    for col, column in enumerate(COLUMNS):
        cell_format = formats["text" if column.kind == "selection" else column.kind]
        quotas.set_column(col, col, column.width, cell_format)
        quotas.write_string(KEY_ROW, col, column.key)
        header = column.header._translate(lang)
        quotas.write_string(HEADER_ROW, col, header, formats["header"])
        quotas.write_comment(HEADER_ROW, col, column.help._translate(lang))
        source = ranges.get(column.list_key)
        if source:
            # strict for the selections; a warning only for the reference lists,
            # which hold recent periods and active records only
            strict = column.kind == "selection"
            quotas.data_validation(
                FIRST_ROW,
                col,
                FIRST_ROW + VALIDATED_ROWS - 1,
                col,
                {
                    "validate": "list",
                    "source": source,
                    "error_type": "stop" if strict else "warning",
                },
            )
    for row, values in enumerate(rows, start=FIRST_ROW):
        _write_row(quotas, formats, row, values)
    quotas.freeze_panes(FIRST_ROW, COLUMN_KEYS.index("owner") + 1)
    quotas.autofilter(HEADER_ROW, 0, HEADER_ROW + max(len(rows), 1), len(COLUMNS) - 1)
    quotas.set_landscape()
    quotas.set_paper(9)  # A4
    quotas.fit_to_pages(1, 0)
    quotas.repeat_rows(HEADER_ROW)
    quotas.activate()
    return quotas


def _write_row(sheet, formats, row, values):
    for col, column in enumerate(COLUMNS):
        value = values.get(column.key)
        if value is None or value is False or value == "":
            continue
        if column.kind in ("amount", "share"):
            sheet.write_number(row, col, value, formats[column.kind])
        else:
            # user data is written as text: a name such as =HYPERLINK(...) must
            # not become a formula
            sheet.write_string(row, col, str(value), formats["text"])


def _write_lists(sheet, formats, lists, lang):
    """One column per list; {list key: absolute range} of the non-empty ones."""
    quoted = "'{}'".format(sheet.name.replace("'", "''"))
    ranges = {}
    for col, (key, header) in enumerate(LISTS):
        values = lists.get(key) or []
        sheet.write_string(0, col, header._translate(lang), formats["header"])
        for row, value in enumerate(values, start=1):
            sheet.write_string(row, col, value)
        width = max([len(header._translate(lang))] + [len(v) for v in values])
        sheet.set_column(col, col, min(width + 2, 50))
        if values:
            first = xl_rowcol_to_cell(1, col, True, True)
            last = xl_rowcol_to_cell(len(values), col, True, True)
            ranges[key] = f"={quoted}!{first}:{last}"
    sheet.freeze_panes(1, 0)
    # the lists are the reference the drop-downs read: out of the way, and
    # not edited by mistake
    sheet.protect()
    sheet.hide()
    return ranges


def column_letter(key):
    """The column letter of a column key, for tests and messages."""
    return xl_col_to_name(COLUMN_KEYS.index(key))


class SalesQuotaTemplateXlsx(models.AbstractModel):
    """The quota import template, pre-filled from the import wizard."""

    _name = "report.sales_model_crm_reports.quota_template_xlsx"
    _inherit = "report.sales_model_crm_reports.xlsx_base"
    _description = "Quota Import Template Workbook"
    _report_xmlid = REPORT_XMLID

    def _get_access_error(self):
        return _("Only sales managers may download the quota template.")

    def _get_objs_for_report(self, docids, data):
        return self.env["sales.quota.import"].browse(docids).exists()[:1]

    def generate_xlsx_report(self, workbook, data, wizard):
        if not wizard:
            wizard = self.env["sales.quota.import"].new({})
        write_quota_template(
            workbook,
            wizard._template_lists(),
            wizard._template_rows(),
            lang=self.env.lang or "en_US",
        )
