# Copyright 2026 Sales Model CRM maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import HttpCase, tagged

from .common import SalesModelCommon


@tagged("post_install", "-at_install")
class TestSalesModelTours(SalesModelCommon, HttpCase):
    """The playbook's screens, clicked through in a real browser."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        for user in cls.salesman_li | cls.team_manager:
            user.password = user.login
        cls._invoice(cls.customer_li, 800_000)
        cls._invoice(cls.customer_zhang, 150_000)
        cls._invoice(cls.customer_pool, 50_000)
        cls.env["sales.customer.tiering"]._recompute_tiers(cls.company)

    def test_salesperson_finds_own_platinum_customer_and_logs_a_call(self):
        self.start_tour("/odoo", "sales_model_crm_salesperson_tour", login="smc_li")
        activity = self.env["sales.activity"].search(
            [("partner_id", "=", self.customer_li.id)]
        )
        self.assertEqual(activity.name, "Test tour: refill reminder call")
        self.assertEqual(activity.user_id, self.salesman_li)

    def test_manager_reads_the_pareto_analysis(self):
        self.start_tour("/odoo", "sales_model_crm_manager_tour", login="smc_wang")
