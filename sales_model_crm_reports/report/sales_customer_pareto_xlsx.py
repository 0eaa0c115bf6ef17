# Copyright 2026 Sales Model CRM maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from xlsxwriter.utility import xl_range_abs, xl_rowcol_to_cell

from odoo import _, fields, models
from odoo.exceptions import UserError
from odoo.tools.misc import format_datetime

from .xlsx_base import HEADER_ROW

REPORT_XMLID = "sales_model_crm_reports.action_report_sales_customer_pareto_xlsx"

# Both sheets: title and subtitle on rows 0-1, column headers on row 3.
FIRST_ROW = HEADER_ROW + 1
# "Pareto" sheet columns
(
    COL_RANK,
    COL_CUSTOMER,
    COL_TIER,
    COL_USER,
    COL_REGION,
    COL_REVENUE,
    COL_SHARE,
    COL_CUMULATIVE,
    COL_PERCENTILE,
) = range(9)
# "Tiers" sheet columns
COL_TIER_NAME, COL_TIER_COUNT, COL_TIER_REVENUE, COL_TIER_SHARE = range(4)


class SalesCustomerParetoXlsx(models.AbstractModel):
    """The Pareto analysis as a workbook a manager can rework in Excel.

    Shares, totals and tier sums are formulas over the exported rows, so they
    follow when the manager edits or deletes rows. The shares are shares of the
    exported rows; rank and "top % of customers" are company-wide.
    """

    _name = "report.sales_model_crm_reports.customer_pareto_xlsx"
    _inherit = "report.sales_model_crm_reports.xlsx_base"
    _description = "Pareto Analysis Workbook"
    _report_xmlid = REPORT_XMLID
    _export_model = "sales.customer.pareto.export"

    # --- access and rows

    def _get_access_error(self):
        return _("Only sales managers may export the Pareto analysis.")

    def _get_objs_for_report(self, docids, data):
        export = self._get_export(data)
        if export:
            paretos = export._get_paretos()
        else:
            paretos = super(
                SalesCustomerParetoXlsx,
                self.with_context(active_model="sales.customer.pareto"),
            )._get_objs_for_report(docids, data)
        paretos.check_access("read")
        if len(paretos.company_id) > 1:
            raise UserError(_("Export the Pareto analysis of one company at a time."))
        return paretos.sorted(lambda pareto: (pareto.rank, pareto.id))

    def _get_report_tiers(self, company, paretos, data):
        """The tiers the "Tiers" sheet lists: the exported ones, best first."""
        tiers = self._get_export(data).tier_ids
        if not tiers:
            tiers = self.env["sales.customer.tier"]._get_company_tiers(company)
        return (tiers | paretos.tier_id).sorted()

    # --- workbook

    def generate_xlsx_report(self, workbook, data, paretos):
        company = paretos.company_id or self.env.company
        formats = self._get_formats(workbook, company.currency_id)
        page = {
            "company": company.name,
            "generated": format_datetime(self.env, fields.Datetime.now()),
        }
        pareto_sheet = workbook.add_worksheet(self._sheet_name(_("Pareto")))
        tiers_sheet = workbook.add_worksheet(self._sheet_name(_("Tiers")))
        self._write_pareto_sheet(pareto_sheet, formats, page, paretos)
        tiers = self._get_report_tiers(company, paretos, data)
        lines = self._get_tier_lines(tiers, paretos)
        self._write_tiers_sheet(
            tiers_sheet, formats, page, lines, pareto_sheet, paretos
        )
        if paretos:
            self._add_tier_charts(
                workbook, tiers_sheet, pareto_sheet, lines, paretos, formats
            )

    def _get_formats(self, workbook, currency):
        money = self._get_money_format(currency)
        specs = self._get_format_specs(money)
        total = specs["total"]
        specs.update(
            {
                "integer": {"num_format": "0"},
                "percent": {"num_format": "0.00%"},
                "percent_int": {"num_format": "0%"},
                "total_integer": dict(total, num_format="0"),
                "total_percent": dict(total, num_format="0.00%"),
            }
        )
        formats = {key: workbook.add_format(spec) for key, spec in specs.items()}
        return dict(formats, money_format=money)

    def _write_title(self, sheet, formats, page, title):
        """Title rows on screen, and the same in the printed page header."""
        sheet.write_string(0, 0, title, formats["title"])
        subtitle = _(
            "%(company)s, generated on %(date)s by %(user)s",
            company=page["company"],
            date=page["generated"],
            user=self.env.user.name,
        )
        sheet.write_string(1, 0, subtitle, formats["subtitle"])
        # page header: company left, title centred, generation time right
        self._set_print_layout(
            sheet, page["company"][:80], title[:80], page["generated"]
        )

    # --- "Pareto" sheet

    def _get_pareto_headers(self):
        return [
            _("Rank"),
            _("Customer"),
            _("Customer Tier"),
            _("Salesperson"),
            _("Sales Region"),
            _("Revenue"),
            _("Share"),
            _("Cumulative Share"),
            _("Top % of Customers"),
        ]

    def _write_pareto_sheet(self, sheet, formats, page, paretos):
        headers = self._get_pareto_headers()
        self._write_title(sheet, formats, page, _("Pareto Analysis"))
        number_columns = {COL_RANK} | set(range(COL_REVENUE, COL_PERCENTILE + 1))
        self._write_header_row(sheet, formats, headers, number_columns)
        total_row = FIRST_ROW + len(paretos)
        revenue_total = sum(paretos.mapped("revenue"))
        running = 0.0
        for row, pareto in enumerate(paretos, start=FIRST_ROW):
            running += pareto.revenue
            cached = (pareto.revenue / revenue_total, running / revenue_total)
            self._write_pareto_row(sheet, formats, row, pareto, total_row, cached)
        if paretos:
            self._write_pareto_totals(sheet, formats, total_row, revenue_total)
        else:
            sheet.write_string(FIRST_ROW, COL_CUSTOMER, _("No customer revenue."))
        self._format_pareto_sheet(sheet, headers, paretos, revenue_total)

    def _write_pareto_row(self, sheet, formats, row, pareto, total_row, cached):
        sheet.write_number(row, COL_RANK, pareto.rank, formats["integer"])
        # user data is always written as text: a name such as
        # =HYPERLINK("...") must not become a formula
        texts = {
            COL_CUSTOMER: pareto.partner_id.display_name,
            COL_TIER: pareto.tier_id.display_name,
            COL_USER: pareto.user_id.display_name,
            COL_REGION: pareto.region_id.display_name,
        }
        for col, text in texts.items():
            if text:
                sheet.write_string(row, col, text, formats["text"])
            else:  # truly empty, so that the "No Tier" line's criterion matches
                sheet.write_blank(row, col, None, formats["text"])
        sheet.write_number(row, COL_REVENUE, pareto.revenue, formats["money"])
        revenue = xl_rowcol_to_cell(row, COL_REVENUE)
        first_revenue = xl_rowcol_to_cell(FIRST_ROW, COL_REVENUE, True, True)
        total = xl_rowcol_to_cell(total_row, COL_REVENUE, True, True)
        share, cumulative = cached
        sheet.write_formula(
            row, COL_SHARE, f"={revenue}/{total}", formats["percent"], share
        )
        sheet.write_formula(
            row,
            COL_CUMULATIVE,
            f"=SUM({first_revenue}:{revenue})/{total}",
            formats["percent"],
            cumulative,
        )
        percentile = pareto.customer_percentile / 100
        sheet.write_number(row, COL_PERCENTILE, percentile, formats["percent_int"])

    def _write_pareto_totals(self, sheet, formats, total_row, revenue_total):
        for col in range(COL_PERCENTILE + 1):
            sheet.write_blank(total_row, col, None, formats["total"])
        sheet.write_string(total_row, COL_CUSTOMER, _("Total"), formats["total"])
        for col, cell_format, value in (
            (COL_REVENUE, "total_money", revenue_total),
            (COL_SHARE, "total_percent", 1.0),
        ):
            first = xl_rowcol_to_cell(FIRST_ROW, col)
            last = xl_rowcol_to_cell(total_row - 1, col)
            formula = f"=SUM({first}:{last})"
            sheet.write_formula(total_row, col, formula, formats[cell_format], value)

    def _format_pareto_sheet(self, sheet, headers, paretos, revenue_total):
        last_row = FIRST_ROW + len(paretos) - 1
        sheet.freeze_panes(FIRST_ROW, COL_CUSTOMER + 1)
        sheet.autofilter(
            HEADER_ROW, COL_RANK, max(last_row, HEADER_ROW), COL_PERCENTILE
        )
        if paretos:
            sheet.conditional_format(
                FIRST_ROW,
                COL_REVENUE,
                last_row,
                COL_REVENUE,
                # the classic (Excel 2007) bar: the 2010 one adds an x14
                # extension that openpyxl drops with a warning
                {"type": "data_bar", "bar_color": "#5B9BD5", "data_bar_2010": False},
            )
        self._set_pareto_column_widths(sheet, headers, paretos, revenue_total)

    def _set_pareto_column_widths(self, sheet, headers, paretos, revenue_total):
        currency = (paretos.company_id or self.env.company).currency_id
        columns = [
            [str(rank) for rank in paretos.mapped("rank")],
            paretos.partner_id.mapped("display_name"),
            paretos.tier_id.mapped("display_name"),
            paretos.user_id.mapped("display_name"),
            paretos.region_id.mapped("display_name"),
            [self._money_text(currency, revenue_total)],
            ["100.00%"],
            ["100.00%"],
            ["100%"],
        ]
        for col, (header, texts) in enumerate(zip(headers, columns, strict=True)):
            sheet.set_column(col, col, self._fit_width(header, texts, minimum=6))

    # --- "Tiers" sheet

    def _get_tier_lines(self, tiers, paretos):
        """(label, match the label?, rows) per line of the "Tiers" sheet."""
        lines = [
            (
                tier.display_name,
                True,
                paretos.filtered(lambda p, t=tier: p.tier_id == t),
            )
            for tier in tiers
        ]
        untiered = paretos.filtered(lambda pareto: not pareto.tier_id)
        if untiered:
            # matched with an empty criterion: blank tier cells
            lines.append((_("No Tier"), False, untiered))
        return lines

    def _write_tiers_sheet(self, sheet, formats, page, lines, pareto_sheet, paretos):
        headers = [_("Customer Tier"), _("Customers"), _("Revenue"), _("Share")]
        self._write_title(sheet, formats, page, _("Revenue by Tier"))
        number_columns = {COL_TIER_COUNT, COL_TIER_REVENUE, COL_TIER_SHARE}
        self._write_header_row(sheet, formats, headers, number_columns)
        sheet.freeze_panes(FIRST_ROW, 0)
        if not paretos:
            sheet.write_string(FIRST_ROW, COL_TIER_NAME, _("No customer revenue."))
            lines = []
        totals = {
            "row": FIRST_ROW + len(lines),
            "revenue": sum(paretos.mapped("revenue")),
            "count": len(paretos),
        }
        ranges = self._get_pareto_ranges(pareto_sheet.name, len(paretos))
        for row, line in enumerate(lines, start=FIRST_ROW):
            self._write_tier_row(sheet, formats, row, line, ranges, totals)
        if lines:
            self._write_tier_totals(sheet, formats, totals)
        currency = (paretos.company_id or self.env.company).currency_id
        texts = {
            COL_TIER_NAME: [label for label, _by_label, _rows in lines],
            COL_TIER_REVENUE: [self._money_text(currency, totals["revenue"])],
        }
        for col, header in enumerate(headers):
            width = self._fit_width(header, texts.get(col, []), minimum=12)
            sheet.set_column(col, col, width)

    def _get_pareto_ranges(self, sheet_name, count):
        """Absolute references to the tier and revenue cells of the Pareto rows."""
        sheet_ref = "'{}'".format(sheet_name.replace("'", "''"))
        last_row = FIRST_ROW + max(count, 1) - 1
        return {
            key: f"{sheet_ref}!{xl_range_abs(FIRST_ROW, col, last_row, col)}"
            for key, col in (("tier", COL_TIER), ("revenue", COL_REVENUE))
        }

    def _write_tier_row(self, sheet, formats, row, line, ranges, totals):
        label, by_label, rows = line
        sheet.write_string(row, COL_TIER_NAME, label, formats["text"])
        # "=" & label: an exact match, whatever the tier's name looks like
        label_cell = xl_rowcol_to_cell(row, COL_TIER_NAME)
        criterion = f'"="&{label_cell}' if by_label else '"="'
        revenue = sum(rows.mapped("revenue"))
        sheet.write_formula(
            row,
            COL_TIER_COUNT,
            f"=COUNTIF({ranges['tier']},{criterion})",
            formats["integer"],
            len(rows),
        )
        sheet.write_formula(
            row,
            COL_TIER_REVENUE,
            f"=SUMIF({ranges['tier']},{criterion},{ranges['revenue']})",
            formats["money"],
            revenue,
        )
        revenue_cell = xl_rowcol_to_cell(row, COL_TIER_REVENUE)
        total_cell = xl_rowcol_to_cell(totals["row"], COL_TIER_REVENUE, True, True)
        sheet.write_formula(
            row,
            COL_TIER_SHARE,
            f"={revenue_cell}/{total_cell}",
            formats["percent"],
            revenue / totals["revenue"],
        )

    def _write_tier_totals(self, sheet, formats, totals):
        row = totals["row"]
        sheet.write_string(row, COL_TIER_NAME, _("Total"), formats["total"])
        for col, cell_format, value in (
            (COL_TIER_COUNT, "total_integer", totals["count"]),
            (COL_TIER_REVENUE, "total_money", totals["revenue"]),
            (COL_TIER_SHARE, "total_percent", 1.0),
        ):
            first = xl_rowcol_to_cell(FIRST_ROW, col)
            last = xl_rowcol_to_cell(row - 1, col)
            formula = f"=SUM({first}:{last})"
            sheet.write_formula(row, col, formula, formats[cell_format], value)

    def _add_tier_charts(self, workbook, sheet, pareto_sheet, lines, paretos, formats):
        """Revenue per tier (columns) and the Pareto curve (line), beside the table."""
        last_line = FIRST_ROW + len(lines) - 1
        column_chart = workbook.add_chart({"type": "column"})
        column_chart.add_series(
            {
                "name": _("Revenue"),
                "categories": self._chart_range(sheet, COL_TIER_NAME, last_line),
                "values": self._chart_range(sheet, COL_TIER_REVENUE, last_line),
                "data_labels": {"value": True, "num_format": formats["money_format"]},
            }
        )
        column_chart.set_title({"name": _("Revenue by Tier")})
        column_chart.set_legend({"none": True})
        column_chart.set_y_axis({"num_format": formats["money_format"]})
        sheet.insert_chart(HEADER_ROW, COL_TIER_SHARE + 2, column_chart)
        sheet.insert_chart(
            HEADER_ROW + 16,
            COL_TIER_SHARE + 2,
            self._get_pareto_curve_chart(workbook, pareto_sheet, len(paretos)),
        )

    def _get_pareto_curve_chart(self, workbook, pareto_sheet, count):
        last_row = FIRST_ROW + count - 1
        chart = workbook.add_chart({"type": "line"})
        chart.add_series(
            {
                "name": _("Cumulative Share"),
                "categories": self._chart_range(pareto_sheet, COL_RANK, last_row),
                "values": self._chart_range(pareto_sheet, COL_CUMULATIVE, last_row),
                "marker": {"type": "circle", "size": 4},
            }
        )
        chart.set_title({"name": _("Pareto Curve")})
        chart.set_legend({"none": True})
        chart.set_x_axis({"name": _("Rank")})
        chart.set_y_axis(
            {"name": _("Cumulative Share"), "num_format": "0%", "min": 0, "max": 1}
        )
        return chart

    def _chart_range(self, sheet, col, last_row):
        # the list form lets xlsxwriter quote the (translated) sheet name
        return [sheet.name, FIRST_ROW, col, last_row, col]
