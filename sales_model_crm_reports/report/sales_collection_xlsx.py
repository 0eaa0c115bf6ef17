# Copyright 2026 Sales Model CRM maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict

from xlsxwriter.utility import xl_rowcol_to_cell

from odoo import _, fields, models
from odoo.tools.misc import format_date

from .sales_management_xlsx import FIRST_ROW

# "Collections" sheet: one row per salesperson and month
(
    COL_USER,
    COL_TEAM,
    COL_MONTH,
    COL_PLANNED,
    COL_COLLECTED,
    COL_RATE,
    COL_OVERDUE,
) = range(7)
# "Overdue" sheet: one row per overdue installment
(
    OVD_CUSTOMER,
    OVD_ORDER,
    OVD_USER,
    OVD_DUE,
    OVD_DAYS,
    OVD_AMOUNT,
    OVD_COLLECTED,
    OVD_OPEN,
) = range(8)


class SalesCollectionXlsx(models.AbstractModel):
    """Planned against collected per salesperson and month, and what is overdue.

    Planned: the installments due in the month; collected: the cash
    reconciled with the plans' invoices in the month (the collections
    analysis). Overdue: what is still open today of the installments due in
    the month, listed one by one on the second sheet.
    """

    _name = "report.sales_model_crm_reports.collection_xlsx"
    _inherit = "report.sales_model_crm_reports.management_xlsx"
    _description = "Collections Workbook"

    _report_xmlid = "sales_model_crm_reports.action_report_sales_collection_xlsx"
    _rows_model = "sales.collection.report"

    def _get_report_title(self):
        return _("Collections")

    # --- data

    def _get_lines(self, rows):
        """Planned and collected per (salesperson, team, month): one grouped read."""
        if not rows:
            return []
        groups = rows._read_group(
            [("id", "in", rows.ids)],
            ["user_id", "team_id", "date:month"],
            ["amount_planned:sum", "amount_collected:sum"],
        )
        return [
            {
                "user": user,
                "team": team,
                "month": month,
                "planned": planned,
                "collected": collected,
                "overdue": 0.0,
            }
            for user, team, month, planned, collected in groups
        ]

    def _get_overdue_installments(self, rows, page):
        """The open installments of the rows' plans due in the period, before today."""
        today = fields.Date.context_today(self)
        domain = [("plan_id", "in", rows.plan_id.ids), ("due_date", "<", today)]
        if page["date_from"]:
            domain += [
                ("due_date", ">=", page["date_from"]),
                ("due_date", "<=", page["date_to"]),
            ]
        installments = self.env["sales.collection.installment"].search(
            domain, order="due_date, id"
        )
        # amount_residual: one query for the collections of all their plans
        return installments.filtered(lambda inst: inst.state == "overdue")

    def _add_overdue(self, lines, installments):
        by_key = {
            (line["user"], line["team"], line["month"].replace(day=1)): line
            for line in lines
        }
        overdue = defaultdict(float)
        for inst in installments:
            month = inst.due_date.replace(day=1)
            overdue[inst.user_id, inst.team_id, month] += inst.amount_residual
        for (user, team, month), amount in overdue.items():
            line = by_key.get((user, team, month))
            if line is None:  # rows selected by hand may leave the month out
                line = {
                    "user": user,
                    "team": team,
                    "month": month,
                    "planned": 0.0,
                    "collected": 0.0,
                }
                lines.append(line)
            line["overdue"] = amount
        return sorted(
            lines,
            key=lambda line: (line["user"].name or "", line["user"].id, line["month"]),
        )

    # --- workbook

    def generate_xlsx_report(self, workbook, data, rows):
        page = self._get_page(rows, data)
        formats = self._get_formats(workbook, page["currency"])
        sheet = self._add_sheet(workbook, _("Collections"))
        overdue_sheet = self._add_sheet(workbook, _("Overdue"))
        installments = self._get_overdue_installments(rows, page)
        lines = self._add_overdue(self._get_lines(rows), installments)
        self._write_collections_sheet(sheet, formats, page, lines)
        self._write_overdue_sheet(overdue_sheet, formats, page, installments)

    def _write_collections_sheet(self, sheet, formats, page, lines):
        headers = [
            _("Salesperson"),
            _("Sales Team"),
            _("Month"),
            _("Planned"),
            _("Collected"),
            _("Collected / Planned"),
            _("Overdue"),
        ]
        self._write_title(sheet, formats, page, _("Collections"))
        self._write_header_row(
            sheet, formats, headers, set(range(COL_PLANNED, COL_OVERDUE + 1))
        )
        months = []
        for row, line in enumerate(lines, start=FIRST_ROW):
            self._write_text(
                sheet, row, COL_USER, line["user"].display_name, formats["text"]
            )
            self._write_text(
                sheet, row, COL_TEAM, line["team"].display_name, formats["text"]
            )
            month = format_date(self.env, line["month"], date_format="MMMM y")
            months.append(month)
            sheet.write_string(row, COL_MONTH, month, formats["text"])
            sheet.write_number(row, COL_PLANNED, line["planned"], formats["money"])
            sheet.write_number(row, COL_COLLECTED, line["collected"], formats["money"])
            sheet.write_formula(
                row,
                COL_RATE,
                self._ratio_formula(
                    xl_rowcol_to_cell(row, COL_COLLECTED),
                    xl_rowcol_to_cell(row, COL_PLANNED),
                ),
                formats["percent"],
                line["collected"] / line["planned"] if line["planned"] else "",
            )
            sheet.write_number(row, COL_OVERDUE, line["overdue"], formats["money"])
        if lines:
            self._write_collection_totals(sheet, formats, FIRST_ROW + len(lines))
            self._highlight_collections(sheet, formats, FIRST_ROW + len(lines) - 1)
        else:
            sheet.write_string(FIRST_ROW, COL_USER, _("No collection planned."))
        currency = page["currency"]
        biggest = max(
            [line[key] for line in lines for key in ("planned", "collected")],
            default=0.0,
        )
        texts = {
            COL_USER: [line["user"].display_name for line in lines] + [_("Total")],
            COL_TEAM: [line["team"].display_name for line in lines],
            COL_MONTH: months,
            COL_PLANNED: [
                self._money_text(currency, sum(line["planned"] for line in lines))
            ],
            COL_COLLECTED: [self._money_text(currency, biggest * 2)],
            COL_OVERDUE: [self._money_text(currency, biggest)],
        }
        self._finish_table(sheet, headers, len(lines), texts, frozen_cols=1)

    def _write_collection_totals(self, sheet, formats, row):
        for col in range(COL_OVERDUE + 1):
            sheet.write_blank(row, col, None, formats["total"])
        sheet.write_string(row, COL_USER, _("Total"), formats["total"])
        for col in (COL_PLANNED, COL_COLLECTED, COL_OVERDUE):
            sheet.write_formula(
                row,
                col,
                self._sum_formula(col, FIRST_ROW, row - 1),
                formats["total_money"],
            )
        sheet.write_formula(
            row,
            COL_RATE,
            self._ratio_formula(
                xl_rowcol_to_cell(row, COL_COLLECTED),
                xl_rowcol_to_cell(row, COL_PLANNED),
            ),
            formats["total_percent"],
        )

    def _highlight_collections(self, sheet, formats, last_row):
        # overdue money in red, a month collected in full in green
        sheet.conditional_format(
            FIRST_ROW,
            COL_OVERDUE,
            last_row,
            COL_OVERDUE,
            {"type": "cell", "criteria": ">", "value": 0, "format": formats["bad"]},
        )
        sheet.conditional_format(
            FIRST_ROW,
            COL_RATE,
            last_row,
            COL_RATE,
            {"type": "cell", "criteria": ">=", "value": 1, "format": formats["good"]},
        )

    def _write_overdue_sheet(self, sheet, formats, page, installments):
        headers = [
            _("Customer"),
            _("Sales Order"),
            _("Salesperson"),
            _("Due Date"),
            _("Days Overdue"),
            _("Amount"),
            _("Collected"),
            _("Overdue"),
        ]
        self._write_title(sheet, formats, page, _("Overdue Installments"))
        self._write_header_row(
            sheet, formats, headers, set(range(OVD_DAYS, OVD_OPEN + 1))
        )
        today = fields.Date.context_today(self)
        for row, inst in enumerate(installments, start=FIRST_ROW):
            self._write_text(
                sheet, row, OVD_CUSTOMER, inst.partner_id.display_name, formats["text"]
            )
            self._write_text(sheet, row, OVD_ORDER, inst.order_id.name, formats["text"])
            self._write_text(
                sheet, row, OVD_USER, inst.user_id.display_name, formats["text"]
            )
            sheet.write_datetime(row, OVD_DUE, inst.due_date, formats["date"])
            # as of the export, not TODAY(): a printed sheet must not change
            sheet.write_number(
                row, OVD_DAYS, (today - inst.due_date).days, formats["integer"]
            )
            sheet.write_number(row, OVD_AMOUNT, inst.amount, formats["money"])
            sheet.write_number(
                row, OVD_COLLECTED, inst.amount_collected, formats["money"]
            )
            amount = xl_rowcol_to_cell(row, OVD_AMOUNT)
            collected = xl_rowcol_to_cell(row, OVD_COLLECTED)
            sheet.write_formula(
                row,
                OVD_OPEN,
                f"={amount}-{collected}",
                formats["money"],
                inst.amount_residual,
            )
        last_row = FIRST_ROW + len(installments) - 1
        if installments:
            total_row = last_row + 1
            for col in range(OVD_OPEN + 1):
                sheet.write_blank(total_row, col, None, formats["total"])
            sheet.write_string(total_row, OVD_CUSTOMER, _("Total"), formats["total"])
            for col in (OVD_AMOUNT, OVD_COLLECTED, OVD_OPEN):
                sheet.write_formula(
                    total_row,
                    col,
                    self._sum_formula(col, FIRST_ROW, last_row),
                    formats["total_money"],
                )
            sheet.conditional_format(
                FIRST_ROW,
                OVD_OPEN,
                last_row,
                OVD_OPEN,
                {"type": "cell", "criteria": ">", "value": 0, "format": formats["bad"]},
            )
        else:
            sheet.write_string(FIRST_ROW, OVD_CUSTOMER, _("Nothing overdue."))
        total = sum(installments.mapped("amount"))
        texts = {
            OVD_CUSTOMER: installments.partner_id.mapped("display_name") + [_("Total")],
            OVD_ORDER: installments.order_id.mapped("name"),
            OVD_USER: installments.user_id.mapped("display_name"),
            OVD_DUE: ["2030-12-31"],
            OVD_AMOUNT: [self._money_text(page["currency"], total)],
            OVD_COLLECTED: [self._money_text(page["currency"], total)],
            OVD_OPEN: [self._money_text(page["currency"], total)],
        }
        self._finish_table(sheet, headers, len(installments), texts, frozen_cols=1)
