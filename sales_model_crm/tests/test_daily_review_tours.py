# Copyright 2026 Sales Model CRM maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import HttpCase, tagged

from .common import SalesModelCommon


@tagged("post_install", "-at_install")
class TestDailyReviewTours(SalesModelCommon, HttpCase):
    """A salesperson's day, from a logged call to the leader's score."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        for user in cls.salesman_li | cls.team_manager:
            user.password = user.login

    def test_the_day_is_submitted_scored_and_read_on_the_dashboard(self):
        self.start_tour(
            "/odoo/action-sales_model_crm.sales_activity_action",
            "sales_model_crm_daily_review_tour",
            login="smc_li",
        )
        call = self.env["sales.activity"].search(
            [("name", "=", "Asked about the refill order")]
        )
        self.assertEqual(call.user_id, self.salesman_li)
        self.assertEqual(call.partner_id, self.customer_li)
        review = self.env["sales.daily.review"].search(
            [("user_id", "=", self.salesman_li.id)]
        )
        self.assertEqual(review.state, "submitted")
        self.assertEqual(review.done_count, 1)

        self.env["sales.problem"].create(
            {
                "name": "Competitor undercuts the refill price",
                "user_id": self.salesman_li.id,
            }
        )
        self.start_tour(
            "/odoo/action-sales_model_crm.sales_daily_review_action_team",
            "sales_model_crm_daily_review_annotate_tour",
            login="smc_wang",
        )
        self.assertEqual(review.state, "reviewed")
        self.assertEqual(review.score, "4")
        self.assertEqual(review.manager_comment, "Good, call the hospitals first")
        # the day of the review is Li's own, in Li's time zone
        self.assertEqual(review.date, self._today(self.salesman_li))
