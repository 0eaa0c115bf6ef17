# Copyright 2026 Sales Model CRM maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The xlsxwriter options of every workbook of this addon.

User text (customer, salesperson, team, region, stage and period names,
comments) must reach a sheet as text, never as a formula or a link. The
writers call ``write_string`` for it, but xlsxwriter's generic ``write()``
turns a string that starts with "=" into a formula (``=HYPERLINK(...)``,
``=cmd|' /C calc'!A0``) and one that looks like a URL into a hyperlink: these
options switch that off for the whole workbook, so that a ``write()`` added
later cannot bring the injection back (issue 7).

Strings that start with "+", "-" or "@" (CSV injection's other triggers) need
nothing more: an .xlsx cell written as a string is stored as text (a shared or
inline string, not a ``<f>`` element), and neither Excel nor LibreOffice
evaluates stored text when it opens a file; only the user retyping the cell
would, as with anything they type. Prefixing the text with a quote, as CSV
exports do, would change the value itself (a name would no longer match its
record, e.g. an owner in the quota import).
"""

SAFE_WORKBOOK_OPTIONS = {
    "strings_to_formulas": False,
    "strings_to_urls": False,
    "strings_to_numbers": False,
}


def safe_workbook_options(**options):
    """The workbook options with user text kept as text, plus ``options``."""
    return dict(SAFE_WORKBOOK_OPTIONS, **options)
