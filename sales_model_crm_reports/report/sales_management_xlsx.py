# Copyright 2026 Sales Model CRM maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from xlsxwriter.utility import xl_rowcol_to_cell

from odoo import _, fields, models
from odoo.exceptions import UserError
from odoo.tools.misc import format_date, format_datetime

from .xlsx_base import HEADER_ROW

# Every sheet: title and subtitle on rows 0-1, column headers on row 3.
FIRST_ROW = HEADER_ROW + 1
# Windows refuses these in file names.
FILE_NAME_TABLE = str.maketrans(dict.fromkeys('<>:"/\\|?*', " "))


class SalesManagementXlsx(models.AbstractModel):
    """What the management workbooks share: access, rows, page set-up, formats.

    The rows come either from the export wizard (period and team chosen
    there) or from the records selected in the analysis' list (Print menu).
    They are always read with the user's environment, so the record rules of
    the analysis decide what a user exports.
    """

    _name = "report.sales_model_crm_reports.management_xlsx"
    _inherit = "report.sales_model_crm_reports.xlsx_base"
    _description = "Management Report Workbook"

    _export_model = "sales.management.report.export"
    # set by each workbook: _report_xmlid too
    _rows_model = None

    # --- access and rows

    def _get_access_error(self):
        return _("Only sales managers may export the management reports.")

    def _get_objs_for_report(self, docids, data):
        export = self._get_export(data)
        rows_model = self.env[self._rows_model]
        if export:
            rows = rows_model.search(export._get_rows_domain())
        else:
            rows = rows_model.browse(docids or [])
        rows.check_access("read")
        if len(rows.company_id) > 1:
            raise UserError(_("Export the rows of one company at a time."))
        return rows

    def _get_page(self, rows, data):
        """Period, team and company of the workbook, for titles and file name."""
        export = self._get_export(data)
        company = rows.company_id[:1] or export.company_id or self.env.company
        if export:
            date_from, date_to = export.date_from, export.date_to
            period = export.date_range_id.name
            teams = export.team_id
        else:
            dates = [day for day in rows.mapped("date") if day]
            date_from, date_to = min(dates, default=None), max(dates, default=None)
            period = None
            teams = rows.team_id
        if not period:
            period = (
                " - ".join(
                    format_date(self.env, day)
                    for day in dict.fromkeys((date_from, date_to))
                )
                if date_from
                else _("All dates")
            )
        if len(teams) == 1:
            team = teams.display_name
        else:
            team = _("%(company)s (all teams)", company=company.name)
        return {
            "company": company,
            "currency": company.currency_id,
            "date_from": date_from,
            "date_to": date_to,
            "period": period,
            "team": team,
            "generated": format_datetime(self.env, fields.Datetime.now()),
        }

    # --- file name (used by the download route, see controllers/main.py)

    def _get_report_title(self):
        raise NotImplementedError()

    def _get_download_file_name(self, docids, data):
        """Report, period and team, e.g. "Sales Funnel - Q1 2030 - Beijing.xlsx"."""
        rows = self._get_objs_for_report(docids, data)
        page = self._get_page(rows, data)
        period = self._get_export(data).date_range_id.name
        if not period and page["date_from"]:
            # ISO dates: the user's date format may hold slashes
            period = "_".join(
                str(day) for day in dict.fromkeys((page["date_from"], page["date_to"]))
            )
        name = " - ".join(
            (self._get_report_title(), period or page["period"], page["team"])
        )
        return name.translate(FILE_NAME_TABLE).strip() + ".xlsx"

    # --- formats and page set-up

    def _get_formats(self, workbook, currency):
        money = self._get_money_format(currency)
        specs = self._get_format_specs(money)
        total = specs["total"]
        specs.update(
            {
                "wrap": {"text_wrap": True, "valign": "top"},
                "date": {"num_format": "yyyy-mm-dd"},
                "integer": {"num_format": "0"},
                "decimal": {"num_format": "0.0"},
                "percent": {"num_format": "0.0%"},
                "total_integer": dict(total, num_format="0"),
                "total_decimal": dict(total, num_format="0.0"),
                "total_percent": dict(total, num_format="0.0%"),
                # conditional formats (dxf): font and fill only
                "bad": {"font_color": "#9C0006", "bg_color": "#FFC7CE"},
                "good": {"font_color": "#006100", "bg_color": "#C6EFCE"},
            }
        )
        formats = {key: workbook.add_format(spec) for key, spec in specs.items()}
        return dict(formats, money_format=money)

    def _add_sheet(self, workbook, name):
        return workbook.add_worksheet(self._sheet_name(name))

    def _write_title(self, sheet, formats, page, title):
        """Title rows on screen, and the same in the printed page header."""
        sheet.write_string(0, 0, title, formats["title"])
        subtitle = _(
            "%(period)s, %(team)s, generated on %(date)s by %(user)s",
            period=page["period"],
            team=page["team"],
            date=page["generated"],
            user=self.env.user.name,
        )
        sheet.write_string(1, 0, subtitle, formats["subtitle"])
        # page header: period and team left, title centred, generation right
        self._set_print_layout(
            sheet,
            f"{page['period']} · {page['team']}"[:80],
            title[:80],
            page["generated"],
        )

    def _write_text(self, sheet, row, col, text, cell_format):
        # user data is always written as text: a name such as
        # =HYPERLINK("...") must not become a formula
        if text:
            sheet.write_string(row, col, text, cell_format)
        else:
            sheet.write_blank(row, col, None, cell_format)

    def _finish_table(self, sheet, headers, row_count, texts, frozen_cols=0):
        """Frozen header, autofilter over the rows, widths that fit."""
        last_row = FIRST_ROW + row_count - 1
        sheet.freeze_panes(FIRST_ROW, frozen_cols)
        sheet.autofilter(HEADER_ROW, 0, max(last_row, HEADER_ROW), len(headers) - 1)
        for col, header in enumerate(headers):
            sheet.set_column(col, col, self._fit_width(header, texts.get(col, [])))

    def _sum_formula(self, col, first_row, last_row):
        first = xl_rowcol_to_cell(first_row, col)
        last = xl_rowcol_to_cell(last_row, col)
        return f"=SUM({first}:{last})"

    def _ratio_formula(self, numerator, denominator):
        """``numerator / denominator``, empty when there is nothing to divide by."""
        return f'=IF({denominator}=0,"",{numerator}/{denominator})'
