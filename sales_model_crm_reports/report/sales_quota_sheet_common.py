# Copyright 2026 Sales Model CRM maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Layout shared by the sheets of the quota sheet workbook."""

from xlsxwriter.utility import xl_rowcol_to_cell

# Every sheet: title on row 0, scope line on row 1, a note on row 2, column
# headers on row 3, data from row 4.
TITLE_ROW, SCOPE_ROW, NOTE_ROW, HEADER_ROW = range(4)
FIRST_ROW = HEADER_ROW + 1
DIMENSION_FIELDS = ("region_id", "product_category_id", "customer_tier_id")
# conditional formats of the tiers: below minimum, minimum, target, stretch
TIER_COLOURS = {
    "none": "#F8CBAD",
    "minimum": "#FFEB9C",
    "target": "#C6EFCE",
    "stretch": "#FFC000",
}
INPUT_COLOUR = "#FFF2CC"


def cell(row, col, absolute=False):
    return xl_rowcol_to_cell(row, col, absolute, absolute)
