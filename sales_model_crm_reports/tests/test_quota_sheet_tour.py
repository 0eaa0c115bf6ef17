# Copyright 2026 Sales Model CRM maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from unittest.mock import patch

from odoo.tests import HttpCase, tagged

from .test_quota_sheet_xlsx import EXPORT_REPORT_NAME, SHEETS, QuotaSheetCommon

TOUR = "sales_model_crm_reports_quota_sheet_tour"


@tagged("post_install", "-at_install")
class TestQuotaSheetTour(QuotaSheetCommon, HttpCase):
    """The team manager exports the quarter's quota sheet from the menu."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.team_manager.password = cls.team_manager.login

    def _spy(self, report_class, method, calls):
        """Wrap ``method`` of the report: record who called it and its result."""
        original = getattr(report_class, method)

        def spy(report, docids, data):
            result = original(report, docids, data)
            calls.append(
                {
                    "method": method,
                    "uid": report.env.uid,
                    "docids": list(docids or []),
                    "result": result,
                }
            )
            return result

        return patch.object(report_class, method, spy)

    def test_team_manager_downloads_the_quarter_sheet(self):
        # the registry's class of the report, shared with the server thread
        report_class = type(self.env["report." + EXPORT_REPORT_NAME])
        calls = []
        with (
            self._spy(report_class, "create_xlsx_report", calls),
            self._spy(report_class, "_get_download_file_name", calls),
        ):
            self.start_tour("/odoo", TOUR, login="smc_wang")

        # the wizard the tour filled in
        export = self.env["sales.quota.sheet.export"].search(
            [("create_uid", "=", self.team_manager.id)]
        )
        self.assertEqual(len(export), 1)
        self.assertEqual(export.period_ids, self.q1)
        self.assertFalse(export.team_id)

        # written once, for the team manager, from that wizard, then named
        self.assertEqual(
            [(call["method"], call["uid"], call["docids"]) for call in calls],
            [
                ("create_xlsx_report", self.team_manager.id, export.ids),
                ("_get_download_file_name", self.team_manager.id, export.ids),
            ],
        )
        content, report_type = calls[0]["result"]
        self.assertEqual(report_type, "xlsx")
        self.assertEqual(calls[1]["result"], "Quota Sheet Test 2030-Q1 All Teams.xlsx")

        # the workbook holds the team's lines only: Li's, not Zhang's
        workbook = self._open(content)
        self.assertEqual(workbook.sheetnames, SHEETS)
        summary = workbook["Summary"]
        self.assertIn("Period: Test 2030-Q1", summary["A2"].value)
        self.assertEqual(
            [summary[f"{col}5"].value for col in "ABCE"],
            ["Test Beijing Team", self.salesman_li.name, "Test 2030-Q1", 100000],
        )
        names = {value for value in self._column(summary, "B") if value}
        self.assertEqual(names, {self.salesman_li.name, "Subtotal"})
