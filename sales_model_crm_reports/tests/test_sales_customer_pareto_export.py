# Copyright 2026 Sales Model CRM maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import FORMULA_NAME, REPORT_NAME, ParetoXlsxCommon


@tagged("post_install", "-at_install")
class TestSalesCustomerParetoExport(ParetoXlsxCommon):
    def _export(self, user, **values):
        return (
            self.env["sales.customer.pareto.export"]
            .with_user(user)
            .create({"company_id": self.company.id, **values})
        )

    def _exported_names(self, export, user):
        content = self._render(None, data={"export_id": export.id}, user=user)
        sheet = self._open(content)["Pareto"]
        return [cell.value for cell in self._column(sheet, "B")]

    def test_export_downloads_the_workbook(self):
        action = self._export(self.director).action_export()
        self.assertEqual(
            {key: action[key] for key in ("type", "report_name", "report_type")},
            {
                "type": "ir.actions.report",
                "report_name": REPORT_NAME,
                "report_type": "xlsx",
            },
        )

    def test_export_closes_the_dialog_once_downloaded(self):
        action = self._export(self.director).action_export()
        self.assertTrue(action["close_on_report_download"])

    def test_director_exports_every_customer(self):
        export = self._export(self.director)
        self.assertEqual(
            self._exported_names(export, self.director),
            [
                "Test Pareto Alpha",
                "Test Pareto Beta",
                "Test Pareto Gamma",
                FORMULA_NAME,
                "Test Pareto Epsilon",
            ],
        )

    def test_team_manager_exports_own_teams_and_pool_customers(self):
        export = self._export(self.team_manager)
        self.assertEqual(
            self._exported_names(export, self.team_manager),
            [
                "Test Pareto Alpha",
                "Test Pareto Gamma",
                FORMULA_NAME,
                "Test Pareto Epsilon",
            ],
        )

    def test_tier_filter_limits_the_rows(self):
        export = self._export(self.director, tier_ids=[Command.set(self.tier_gold.ids)])
        self.assertEqual(
            self._exported_names(export, self.director),
            ["Test Pareto Gamma", FORMULA_NAME],
        )

    def test_tier_filter_limits_the_tiers_sheet(self):
        export = self._export(self.director, tier_ids=[Command.set(self.tier_gold.ids)])
        content = self._render(None, data={"export_id": export.id})
        sheet = self._open(content)["Tiers"]
        self.assertEqual(
            [sheet.cell(row, 1).value for row in (5, 6)], ["Gold", "Total"]
        )

    def test_export_without_rows_is_refused(self):
        export = self._export(
            self.director, tier_ids=[Command.set(self.tier_ordinary.ids)]
        )
        with self.assertRaises(UserError):
            export.action_export()

    def test_salesman_cannot_open_the_export(self):
        with self.assertRaises(AccessError):
            self._export(self.salesman_li)

    def test_export_menu_is_for_managers_only(self):
        menu = self.env.ref("sales_model_crm_reports.sales_customer_pareto_export_menu")
        visible = {
            user: menu.id in self.env["ir.ui.menu"].with_user(user)._visible_menu_ids()
            for user in (
                self.salesman_li,
                self.salesman_all,
                self.team_manager,
                self.director,
            )
        }
        self.assertEqual(
            visible,
            {
                self.salesman_li: False,
                self.salesman_all: False,
                self.team_manager: True,
                self.director: True,
            },
        )
