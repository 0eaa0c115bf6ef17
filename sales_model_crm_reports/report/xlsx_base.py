# Copyright 2026 Sales Model CRM maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""What every workbook of this addon shares: safe options, sheet names, widths.

User text (customer, salesperson, team, region, stage and period names,
comments) must reach a sheet as text, never as a formula or a link. The
writers call ``write_string`` for it, but xlsxwriter's generic ``write()``
turns a string that starts with "=" into a formula (``=HYPERLINK(...)``,
``=cmd|' /C calc'!A0``) and one that looks like a URL into a hyperlink:
``SAFE_WORKBOOK_OPTIONS`` switch that off for the whole workbook, so that a
``write()`` added later cannot bring the injection back (issue 7).

Strings that start with "+", "-" or "@" (CSV injection's other triggers) need
nothing more: an .xlsx cell written as a string is stored as text (a shared or
inline string, not a ``<f>`` element), and neither Excel nor LibreOffice
evaluates stored text when it opens a file; only the user retyping the cell
would, as with anything they type. Prefixing the text with a quote, as CSV
exports do, would change the value itself (a name would no longer match its
record, e.g. an owner in the quota import).
"""

import unicodedata

from odoo import _, models
from odoo.exceptions import AccessError

SAFE_WORKBOOK_OPTIONS = {
    "strings_to_formulas": False,
    "strings_to_urls": False,
    "strings_to_numbers": False,
}
# The sheets' column headers are on row 3, under the title rows.
HEADER_ROW = 3
# Excel refuses these in sheet names; translations might bring them in.
SHEET_NAME_TABLE = str.maketrans(dict.fromkeys("[]:*?/\\", " "))


def sheet_name(name):
    """A name Excel accepts: no []:*?/\\, at most 31 characters.

    A function, not only a method: the quota template is also written without
    a database (data/import_templates/make_templates.py).
    """
    return name.translate(SHEET_NAME_TABLE).strip().strip("'")[:31] or "Sheet"


def display_width(text):
    """The width of ``text`` in columns: East Asian characters take two."""
    return sum(
        2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in str(text)
    )


class SalesXlsxBase(models.AbstractModel):
    """The base of every workbook of this addon (see the module's docstring)."""

    _name = "report.sales_model_crm_reports.xlsx_base"
    _inherit = "report.report_xlsx.abstract"
    _description = "Sales Workbook Base"

    # the report action whose groups may render the workbook (see
    # _check_report_access), and the export wizard the rows may come from
    _report_xmlid = None
    _export_model = None

    def get_workbook_options(self):
        # user text stays text even if written with write(): see above
        return dict(SAFE_WORKBOOK_OPTIONS)

    # --- access and export wizard

    def create_xlsx_report(self, docids, data):
        self._check_report_access()
        return super().create_xlsx_report(docids, data)

    def _check_report_access(self):
        """Refuse users outside the report's groups.

        The Print menu and the wizards' menus hide the report from them, but
        the download route renders any report by name.
        """
        # sudo: reads which groups the action is for, no business data
        groups = self.env.ref(self._report_xmlid).sudo().groups_id
        if self.env.su or not groups or groups & self.env.user.groups_id:
            return
        raise AccessError(self._get_access_error())

    def _get_access_error(self):
        """The message of a user refused by ``_check_report_access``."""
        raise NotImplementedError()

    def _get_export(self, data):
        """The export wizard the rows come from, if any."""
        export_id = (data or {}).get("export_id")
        export = self.env[self._export_model]
        return export.browse(int(export_id)).exists() if export_id else export

    # --- page set-up

    def _sheet_name(self, name):
        return sheet_name(name)

    def _set_print_layout(self, sheet, header_left, title, generated, margin=0.5):
        """Landscape A4, one page wide, header rows repeated on every page.

        The page header shows ``header_left`` left, ``title`` centred and the
        generation time right; the footer the page number.
        """
        sheet.set_landscape()
        sheet.set_paper(9)  # A4
        sheet.fit_to_pages(1, 0)  # all columns on one page width
        sheet.set_margins(left=margin, right=margin, top=0.9, bottom=0.7)
        sheet.set_header(
            f"&L{self._escape_header(header_left)}&C&B{self._escape_header(title)}&R{self._escape_header(generated)}"
        )
        sheet.set_footer("&C" + _("Page %(page)s of %(pages)s", page="&P", pages="&N"))
        sheet.repeat_rows(HEADER_ROW)

    def _write_header_row(self, sheet, formats, headers, number_columns):
        """The column headers, those of ``number_columns`` aligned right."""
        for col, header in enumerate(headers):
            cell_format = formats[
                "header_number" if col in number_columns else "header"
            ]
            sheet.write_string(HEADER_ROW, col, header, cell_format)

    def _escape_header(self, text):
        # "&" starts a control code in page headers and footers
        return (text or "").replace("&", "&&")

    def _fit_width(self, header, texts, minimum=8, maximum=60, header_max=None):
        """A column width (in characters) that shows the header and the texts.

        East Asian characters take two columns; the header gets room for the
        autofilter button. With ``header_max``, a longer header wraps instead
        of widening the column.
        """
        header_width = self._display_width(header)
        if header_max is not None:
            header_width = min(header_width, header_max)
        widths = [header_width + 4]
        widths += [self._display_width(text) + 2 for text in texts if text]
        return min(max(minimum, *widths), maximum)

    def _display_width(self, text):
        return display_width(text)

    def _get_format_specs(self, money):
        """The cell formats every workbook uses, as xlsxwriter format dicts.

        ``money`` is the number format of amounts (``_get_money_format``).
        """
        total = {"bold": True, "top": 1, "bottom": 6}
        header = {"bold": True, "bg_color": "#D9E1F2", "bottom": 1}
        header.update(text_wrap=True, valign="top")
        return {
            "title": {"bold": True, "font_size": 14},
            "subtitle": {"italic": True, "font_color": "#595959"},
            "header": header,
            "header_number": dict(header, align="right"),
            "text": {},
            "money": {"num_format": money},
            "total": total,
            "total_money": dict(total, num_format=money),
        }

    def _get_money_format(self, currency):
        """An Excel number format with the currency symbol, quoted."""
        number = "#,##0"
        if currency.decimal_places:
            number += "." + "0" * currency.decimal_places
        symbol = '"{}"'.format((currency.symbol or currency.name).replace('"', ""))
        if currency.position == "before":
            return f"{symbol}{number}"
        return f"{number} {symbol}"

    def _money_text(self, currency, amount):
        """About what Excel shows for ``amount``, bold totals included."""
        return f"{currency.symbol} {amount:,.{currency.decimal_places}f}  "
