# Copyright 2026 Sales Model CRM maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import HttpCase, tagged

from .common_quota import SalesQuotaCommon


@tagged("post_install", "-at_install")
class TestQuotaTours(SalesQuotaCommon, HttpCase):
    """Quotas from the manager's split to the salesperson's daily target."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        for user in cls.salesman_li | cls.team_manager:
            user.password = user.login

    def test_manager_splits_a_quarter_and_salesperson_sees_the_daily_target(self):
        self.start_tour("/odoo", "sales_model_crm_quota_split_tour", login="smc_wang")
        quarter = self.env["sales.quota"].search(
            [("period_id", "=", self.q1.id), ("team_id", "=", self.team_wang.id)]
        )
        self.assertEqual(quarter.target, 100000)
        months = quarter.child_ids.sorted("date_start")
        self.assertEqual(months.mapped("target"), [30000, 30000, 40000])
        january = months[0]
        li_january = january.child_ids.filtered(
            lambda quota: quota.user_id == self.salesman_li
        )
        self.assertEqual(li_january.target, 15000)
        # 15,000 at 6,000 a deal: 3 deals, 60 prospects, 600 calls over the
        # 23 working days of January 2030: 27 effective calls a day
        self.assertEqual(li_january.workload_calls, 600)
        self.assertEqual(li_january.workload_daily_calls, 27)

        li_january.action_confirm()
        plan = self.env["sales.plan"]._create_from_quotas(li_january)
        self.assertEqual(plan.daily_call_target, 27)
        self.start_tour(
            "/odoo", "sales_model_crm_plan_daily_target_tour", login="smc_li"
        )
