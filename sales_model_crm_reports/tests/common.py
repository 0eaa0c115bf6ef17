# Copyright 2026 Sales Model CRM maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import io

from openpyxl import load_workbook

from odoo import Command
from odoo.tests import new_test_user

from odoo.addons.base.tests.common import BaseCommon
from odoo.addons.sales_model_crm.tests.common import SalesInvoiceMixin

REPORT_NAME = "sales_model_crm_reports.customer_pareto_xlsx"
FORMULA_NAME = '=HYPERLINK("http://x","Test Pareto Delta")'


class ParetoXlsxCommon(SalesInvoiceMixin, BaseCommon):
    """A company of its own with five ranked customers, so demo data never interferes.

    Revenue 6000 / 2000 / 1000 / 600 / 400 (total 10 000): shares 60, 20, 10,
    6 and 4 %, so Alpha and Beta are platinum, Gamma and Delta gold, Epsilon
    silver, and nobody is ordinary. Li is in the team Wang leads, Zhang is
    not; Gamma belongs to nobody (the customer pool). The director is a Sales
    Administrator, which does not imply the team manager role.
    """

    @classmethod
    def setup_independent_company(cls, **kwargs):
        company = cls._create_company_with_chart("Test Pareto Company")
        # the chart sets its own currency; no entry exists yet to forbid a change
        company.currency_id = cls._enable_currency("CNY")
        return company

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.tier_platinum = cls.env.ref("sales_model_crm.sales_customer_tier_platinum")
        cls.tier_gold = cls.env.ref("sales_model_crm.sales_customer_tier_gold")
        cls.tier_silver = cls.env.ref("sales_model_crm.sales_customer_tier_silver")
        cls.tier_ordinary = cls.env.ref("sales_model_crm.sales_customer_tier_ordinary")

        cls.salesman_li = cls._create_user(
            "pareto_li", "sales_team.group_sale_salesman"
        )
        cls.salesman_zhang = cls._create_user(
            "pareto_zhang", "sales_team.group_sale_salesman"
        )
        cls.team_manager = cls._create_user(
            "pareto_wang", "sales_model_crm.group_sales_team_manager"
        )
        cls.salesman_all = cls._create_user(
            "pareto_all", "sales_team.group_sale_salesman_all_leads"
        )
        cls.director = cls._create_user("pareto_chen", "sales_team.group_sale_manager")
        cls.env["crm.team"].create(
            {
                "name": "Test Pareto Team",
                "user_id": cls.team_manager.id,
                "company_id": cls.company.id,
                "member_ids": [Command.set((cls.salesman_li | cls.team_manager).ids)],
            }
        )

        cls.alpha = cls._create_customer("Test Pareto Alpha", cls.salesman_li, 6000)
        cls.beta = cls._create_customer("Test Pareto Beta", cls.salesman_zhang, 2000)
        cls.gamma = cls._create_customer("Test Pareto Gamma", False, 1000)
        cls.delta = cls._create_customer(FORMULA_NAME, cls.salesman_li, 600)
        cls.epsilon = cls._create_customer("Test Pareto Epsilon", cls.team_manager, 400)
        cls.env["sales.customer.tiering"]._recompute_tiers(cls.company)

    @classmethod
    def _create_user(cls, login, groups):
        return new_test_user(
            cls.env,
            login=login,
            groups=f"base.group_user,{groups}",
            company_id=cls.company.id,
            company_ids=[Command.set(cls.company.ids)],
        )

    @classmethod
    def _create_customer(cls, name, user, revenue):
        partner = cls.env["res.partner"].create(
            {"name": name, "is_company": True, "user_id": user and user.id}
        )
        cls._invoice(partner, revenue)
        return partner

    def _paretos(self, partners=None, companies=None):
        domain = [("company_id", "in", (companies or self.company).ids)]
        if partners is not None:
            domain.append(("partner_id", "in", partners.ids))
        return self.env["sales.customer.pareto"].search(domain)

    def _render(self, ids, data=None, user=None, **context):
        """The workbook's bytes, rendered as ``user`` (default: the director)."""
        report = (
            self.env["ir.actions.report"]
            .with_user(user or self.director)
            .with_context(**context)
        )
        content, report_type = report._render(REPORT_NAME, ids, data or {})
        self.assertEqual(report_type, "xlsx")
        return content

    def _render_all(self, **kwargs):
        """The director's workbook of every Pareto row of the test company."""
        return self._open(self._render(self._paretos().ids), **kwargs)

    def _open(self, content, data_only=False):
        """The workbook; with ``data_only``, formulas read as their cached values."""
        return load_workbook(io.BytesIO(content), data_only=data_only)

    def _column(self, sheet, column):
        """The cells of a column on the Pareto rows, top to bottom."""
        return [cell for cell in sheet[column][4 : sheet.max_row - 1]]
