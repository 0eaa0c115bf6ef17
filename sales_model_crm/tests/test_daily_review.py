# Copyright 2026 Sales Model CRM maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import Command, fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common_quota import SalesQuotaCommon


@tagged("post_install", "-at_install")
class TestDailyReview(SalesQuotaCommon):
    """The day of a salesperson (日报) and its review by the team leader."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # days counted in UTC, whatever the test users' time zones
        cls.env = cls.env(context=dict(cls.env.context, tz="UTC"))
        cls.Review = cls.env["sales.daily.review"]
        cls.today = fields.Date.context_today(cls.Review)
        cls.product = cls.env["product.product"].create(
            {"name": "Test bottled water 18.9 L", "list_price": 30}
        )

    def _review(self, user, day=None, **values):
        return (
            self.Review.with_user(user)
            .create(
                {
                    "user_id": user.id,
                    "date": day or self.today,
                    "company_id": self.company.id,
                    **values,
                }
            )
            .with_user(user)
        )

    def _log(self, user, kind="call", outcome="reached", partner=None):
        return (
            self.env["sales.activity"]
            .with_user(user)
            .create(
                {
                    "name": "Test call",
                    "kind": kind,
                    "outcome": outcome,
                    "partner_id": (partner or self.customer_li).id,
                    "company_id": self.company.id,
                }
            )
        )

    def _order(self, user):
        return (
            self.env["sale.order"]
            .with_company(self.company)
            .create(
                {
                    "partner_id": self.customer_li.id,
                    "user_id": user.id,
                    "order_line": [Command.create({"product_id": self.product.id})],
                }
            )
        )

    def _pay(self, move):
        self.env["account.payment.register"].with_context(
            active_model="account.move", active_ids=move.ids
        ).create({"payment_date": self.today})._create_payments()

    # --- figures --------------------------------------------------------------

    def test_day_is_prefilled_from_the_system(self):
        li = self.salesman_li
        self.customer_li.activity_schedule(
            "mail.mail_activity_data_call", date_deadline=self.today, user_id=li.id
        )
        self._log(li)
        self._log(li, outcome="no_answer")
        self._log(li, kind="visit")
        self.env["crm.lead"].create({"name": "Test new prospect", "user_id": li.id})
        self._order(li).write({"state": "sent"})
        self._order(li).action_confirm()
        invoice = self._invoice(self.customer_li, 500, days_ago=0)
        invoice.invoice_user_id = li
        self._pay(invoice)
        review = self._review(li)
        self.assertRecordValues(
            review,
            [
                {
                    "planned_count": 1,
                    "done_count": 3,
                    "effective_call_count": 2,
                    "visit_count": 1,
                    "new_lead_count": 1,
                    "quotation_count": 1,
                    "order_count": 1,
                    "collected_amount": 500,
                    "call_target": 0,
                    "is_behind": False,
                }
            ],
        )

    def test_planned_counts_a_plans_day_of_calls_in_calls(self):
        # a plan schedules one activity for a day's 30 calls: the review's
        # "planned" is 30, to read against the calls done, as on the dashboard
        li = self.salesman_li
        day_of_calls = self.customer_li.activity_schedule(
            "mail.mail_activity_data_call", date_deadline=self.today, user_id=li.id
        )
        day_of_calls.sales_planned_count = 30
        self.customer_li.activity_schedule(
            "mail.mail_activity_data_todo", date_deadline=self.today, user_id=li.id
        )
        self.assertEqual(self._review(li).planned_count, 31)

    def test_running_plan_gives_the_call_target_and_behind_days_show(self):
        start = self.today.replace(day=1)
        period = self._period("Test this month", self.month_type, start, 1)
        quota = self._quota(
            period,
            self.salesman_li,
            30_000,
            avg_deal_size=6_000,
            prospects_per_deal=20,
            calls_per_prospect=10,
            working_days=25,
        )
        plan = self.env["sales.plan"]._create_from_quotas(quota)
        plan.action_start()
        self.assertGreater(plan.daily_call_target, 1)
        self._log(self.salesman_li)
        reviews = self._review(self.salesman_li) | self._review(self.salesman_zhang)
        review_li = reviews.filtered(lambda r: r.user_id == self.salesman_li)
        self.assertEqual(review_li.call_target, plan.daily_call_target)
        self.assertEqual(review_li.call_gap, plan.daily_call_target - 1)
        self.assertTrue(review_li.is_behind)
        self.assertFalse((reviews - review_li).call_target)

    def test_many_days_refreshed_at_once(self):
        self._log(self.salesman_li)
        self._log(self.salesman_zhang, partner=self.customer_zhang)
        self._log(self.salesman_zhang, partner=self.customer_zhang)
        yesterday = self._review(self.salesman_li, self.today - timedelta(days=1))
        today_li = self._review(self.salesman_li)
        reviews = (yesterday | today_li | self._review(self.salesman_zhang)).sudo()
        reviews.write({"done_count": 0})
        reviews._refresh_figures()
        self.assertEqual(reviews.mapped("done_count"), [0, 1, 2])

    # --- bad input --------------------------------------------------------------

    def test_review_of_a_future_day_is_refused(self):
        with self.assertRaisesRegex(ValidationError, "in the future"):
            self._review(self.salesman_li, self.today + timedelta(days=1))

    def test_second_review_of_the_same_day_is_refused(self):
        self._review(self.salesman_li)
        with self.assertRaisesRegex(ValidationError, "already has a review"):
            self._review(self.salesman_li)

    # --- the review ---------------------------------------------------------------

    def test_submitted_day_goes_to_the_leader_and_the_score_comes_back(self):
        review = self._review(self.salesman_li, summary="<p>Two new customers</p>")
        review.action_submit()
        self.assertEqual(review.state, "submitted")
        self.assertIn(self.team_manager.partner_id, review.message_ids[0].partner_ids)
        # the leader annotates in the team's list: comment and score, no form
        review.with_user(self.team_manager).write(
            {"manager_comment": "Call the hospitals first", "score": "4"}
        )
        self.assertEqual(review.state, "reviewed")
        self.assertEqual(review.reviewed_by_id, self.team_manager)
        self.assertIn(self.salesman_li.partner_id, review.message_ids[0].partner_ids)
        # the salesperson answers in the chatter, but edits nothing any more
        review.message_post(body="Will do", message_type="comment")
        with self.assertRaisesRegex(UserError, "reviewed day is closed"):
            review.summary = "<p>Three new customers</p>"
        with self.assertRaises(AccessError):
            review.unlink()

    def test_salesperson_cannot_score_own_day(self):
        review = self._review(self.salesman_li)
        review.action_submit()
        with self.assertRaisesRegex(UserError, "team leader or a director"):
            review.score = "5"
        with self.assertRaisesRegex(UserError, "team leader or a director"):
            review.action_review()
        with self.assertRaisesRegex(UserError, "cannot be deleted"):
            review.unlink()
        with self.assertRaisesRegex(UserError, "reviews or reopens"):
            review.state = "draft"

    def test_review_needs_a_score_and_a_submitted_day(self):
        review = self._review(self.salesman_li).with_user(self.team_manager)
        with self.assertRaisesRegex(UserError, "submitted day"):
            review.action_review()
        review.with_user(self.salesman_li).action_submit()
        with self.assertRaisesRegex(UserError, "score"):
            review.action_review()

    def test_problems_raised_in_the_day(self):
        review = self._review(
            self.salesman_li,
            problem_ids=[Command.create({"name": "Test price too high"})],
        )
        self.assertEqual(review.problem_ids.source, "review")
        self.assertEqual(review.problem_ids.user_id, self.salesman_li)

    # --- who sees what ------------------------------------------------------------

    def test_each_role_sees_its_days(self):
        review_li = self._review(self.salesman_li)
        review_zhang = self._review(self.salesman_zhang)
        both = review_li | review_zhang
        with self.assertRaises(AccessError):
            review_zhang.with_user(self.salesman_li).read(["summary"])
        as_wang = self.Review.with_user(self.team_manager)
        self.assertEqual(as_wang.search([("id", "in", both.ids)]), review_li)
        as_all = self.Review.with_user(self.salesman_all)
        self.assertEqual(as_all.search([("id", "in", both.ids)]), both)
        with self.assertRaises(AccessError):
            review_zhang.with_user(self.salesman_all).summary = "<p>No</p>"
        as_director = self.Review.with_user(self.director)
        self.assertEqual(as_director.search([("id", "in", both.ids)]), both)
        review_zhang.with_user(self.director).action_submit()
        review_zhang.with_user(self.director).write({"score": "3"})
        self.assertEqual(review_zhang.state, "reviewed")

    # --- crons ------------------------------------------------------------------------

    def test_salespeople_reminded_once_a_day(self):
        self._review(self.salesman_zhang).action_submit()
        self.Review._cron_remind_unsubmitted()
        self.Review._cron_remind_unsubmitted()
        reviews = self.Review.search(
            [
                ("date", "=", self.today),
                ("user_id", "in", (self.salesman_li | self.salesman_zhang).ids),
            ]
        )
        review_li = reviews.filtered(lambda r: r.user_id == self.salesman_li)
        self.assertEqual(len(review_li.activity_ids), 1)
        self.assertEqual(review_li.activity_ids.user_id, self.salesman_li)
        self.assertFalse((reviews - review_li).activity_ids)
        # the leader reviews, the members report
        self.assertFalse(
            self.Review.search(
                [("date", "=", self.today), ("user_id", "=", self.team_manager.id)]
            )
        )
        review_li.with_user(self.salesman_li).action_submit()
        self.assertFalse(review_li.activity_ids)

    def test_team_day_posted_to_the_leader_once(self):
        self._log(self.salesman_li)
        messages = self.team_wang.message_ids
        self.Review._cron_team_day_summary()
        self.Review._cron_team_day_summary()
        posted = self.team_wang.message_ids - messages
        self.assertEqual(len(posted), 1)
        self.assertIn(self.team_manager.partner_id, posted.partner_ids)
        self.assertIn("1 interactions done", posted.body)

    def test_inspector_table_has_a_row_per_member(self):
        action = self.Review.with_user(self.team_manager).action_open_inspector()
        rows = self.Review.with_user(self.team_manager).search(action["domain"])
        self.assertEqual(rows.user_id, self.salesman_li)
