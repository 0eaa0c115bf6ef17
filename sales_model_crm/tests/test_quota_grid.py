# Copyright 2026 Sales Model CRM maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import UserError
from odoo.tests import tagged

from .common_quota import SalesQuotaCommon


@tagged("post_install", "-at_install")
class TestQuotaGrid(SalesQuotaCommon):
    """Team Quotas: a manager fills a team's salesperson x month grid at once."""

    def _grid(self, user, **values):
        return (
            self.env["sales.quota.grid"]
            .with_user(user)
            .create(
                {
                    "team_id": self.team_wang.id,
                    "period_id": self.q1.id,
                    "cycle": "month",
                    **values,
                }
            )
        )

    def _grid_quotas(self, action):
        return self.env["sales.quota"].search(action["domain"])

    def test_fill_creates_each_salesperson_month_once(self):
        kept = self._quota(self.jan, self.salesman_li, 5_000)
        grid = self._grid(self.team_manager)
        self.assertEqual((grid.member_count, grid.period_count), (2, 3))
        action = grid.action_fill()
        quotas = self._grid_quotas(action)
        self.assertEqual(len(quotas), 6)
        self.assertEqual(quotas.user_id, self.salesman_li | self.team_manager)
        self.assertEqual(quotas.period_id, self.jan | self.feb | self.mar)
        self.assertEqual(set(quotas.mapped("state")), {"draft"})
        self.assertEqual(kept.target, 5_000)
        # a second run creates nothing twice
        self._grid(self.team_manager).action_fill()
        self.assertEqual(self._grid_quotas(action), quotas)

    def test_grid_opens_an_editable_list_grouped_by_period(self):
        action = self._grid(self.team_manager).action_fill()
        view = self.env.ref("sales_model_crm.sales_quota_view_list_grid")
        self.assertEqual(action["views"][0], (view.id, "list"))
        self.assertEqual(action["context"]["group_by"], ["period_id"])
        arch = self.env["sales.quota"].get_view(view.id, "list")["arch"]
        self.assertIn('editable="bottom"', arch)
        self.assertIn('multi_edit="1"', arch)
        # edited in the grid like anywhere else
        quotas = self._grid_quotas(action).with_user(self.team_manager)
        quotas.write({"minimum": 8_000, "target": 10_000, "stretch": 12_000})
        self.assertEqual(sum(quotas.mapped("target")), 60_000)

    def test_fill_needs_periods_inside_the_period(self):
        with self.assertRaises(UserError):
            self._grid(self.director, period_id=self.jan.id, cycle="week").action_fill()
        self.assertFalse(
            self.env["sales.quota"].search([("team_id", "=", self.team_wang.id)])
        )
