# Copyright 2026 Sales Model CRM maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from contextlib import contextmanager
from datetime import datetime, time, timedelta

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common_quota import SalesQuotaCommon


@tagged("post_install", "-at_install")
class TestSalesPlan(SalesQuotaCommon):
    """Plans: a quota's workload as daily work on the salesperson's agenda."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Plan = cls.env["sales.plan"]
        # the seed's month: 30,000 at 6,000 a deal, 20 prospects a deal,
        # 10 calls a prospect, 25 working days
        cls.quota_li = cls._quota(
            cls.jan,
            cls.salesman_li,
            30_000,
            avg_deal_size=6_000,
            prospects_per_deal=20,
            calls_per_prospect=10,
            working_days=25,
        )
        cls.quota_zhang = cls._quota(
            cls.jan,
            cls.salesman_zhang,
            30_000,
            avg_deal_size=6_000,
            prospects_per_deal=20,
            calls_per_prospect=10,
            working_days=25,
        )
        today = cls._today()
        cls.this_month = cls._period(
            "Test This Month", cls.month_type, today.replace(day=1), 1
        )
        # January 2030 on the company's standard calendar: Monday to Friday
        cls.jan_working_days = [
            day
            for day in (cls.jan.date_start + timedelta(days=n) for n in range(31))
            if day.weekday() < 5
        ]

    def _plan(self, period, user, **targets):
        return self.Plan.create(
            {
                "period_id": period.id,
                "owner_type": "user",
                "user_id": user.id,
                "company_id": self.company.id,
                "line_ids": [
                    Command.create({"kind": kind, "target_count": target})
                    for kind, target in targets.items()
                ],
            }
        )

    @contextmanager
    def _refused(self, exception, pattern):
        """``exception`` with ``pattern`` is raised (and its savepoint undone)."""
        with self.assertRaises(exception) as caught:
            yield
        self.assertRegex(str(caught.exception), pattern)

    def _line(self, plan, kind):
        return plan.line_ids.filtered(lambda line: line.kind == kind)

    def _log(self, kind, user=None, outcome=False, day=None, **values):
        day = day or self.this_month.date_start
        return self.env["sales.activity"].create(
            {
                "name": f"Test {kind}",
                "kind": kind,
                "outcome": outcome,
                "date": datetime.combine(day, time(4, 0)),
                "partner_id": self.customer_li.id,
                "user_id": (user or self.salesman_li).id,
                "company_id": self.company.id,
                **values,
            }
        )

    def _plan_activities(self, plan):
        return (
            self.env["mail.activity"]
            .with_context(active_test=False)
            .search([("res_model", "=", "sales.plan"), ("res_id", "=", plan.id)])
        )

    # --- from quotas ---------------------------------------------------------

    def test_plan_from_a_quota_carries_the_seed_decomposition(self):
        plan = self.Plan._create_from_quotas(self.quota_li)
        self.assertEqual(plan.period_id, self.jan)
        self.assertEqual(plan.user_id, self.salesman_li)
        self.assertEqual(plan.team_id, self.team_wang)
        self.assertEqual(self._line(plan, "call").target_count, 1_000)
        self.assertEqual(plan.daily_call_target, 40)
        self.assertEqual(plan.working_days, 25)
        # 5 deals and 100 prospects: every second prospect visited, one demo
        # and two proposals per deal
        self.assertEqual(self._line(plan, "visit").target_count, 50)
        self.assertEqual(self._line(plan, "demo").target_count, 5)
        self.assertEqual(self._line(plan, "proposal").target_count, 10)

    def test_creating_plans_twice_gives_one_plan_per_quota(self):
        quotas = self.quota_li | self.quota_zhang
        first = self.Plan._create_from_quotas(quotas)
        again = self.Plan._create_from_quotas(quotas)
        self.assertEqual(len(first), 2)
        self.assertEqual(first, again)

    def test_manager_creates_plans_from_selected_quotas(self):
        action = self.env.ref("sales_model_crm.sales_plan_server_action_create")
        result = (
            action.with_user(self.team_manager)
            .with_context(
                active_model="sales.quota",
                active_ids=self.quota_li.ids,
                active_id=self.quota_li.id,
            )
            .run()
        )
        plan = self.Plan.search([("quota_id", "=", self.quota_li.id)])
        self.assertEqual(result["res_id"], plan.id)
        self.assertEqual(plan.user_id, self.salesman_li)

    def test_plan_without_quota_spreads_its_calls_over_the_working_days(self):
        plan = self._plan(self.jan, self.salesman_li, call=460)
        self.assertEqual(plan.working_days, len(self.jan_working_days))
        self.assertEqual(plan.daily_call_target, 20)

    def test_plan_must_match_its_quota(self):
        with self._refused(ValidationError, "period and the owner"):
            self.Plan.create(
                {
                    "period_id": self.feb.id,
                    "quota_id": self.quota_li.id,
                    "owner_type": "user",
                    "user_id": self.salesman_li.id,
                    "company_id": self.company.id,
                }
            )

    def test_negative_target_is_refused(self):
        plan = self._plan(self.jan, self.salesman_li, call=10)
        with self._refused(ValidationError, "cannot be negative"):
            self._line(plan, "call").target_count = -1
            plan.flush_recordset()

    # --- done counts ----------------------------------------------------------

    def test_logged_work_counts_as_done(self):
        plan = self._plan(
            self.this_month, self.salesman_li, call=40, visit=4, demo=2, proposal=2
        )
        for _index in range(3):
            self._log("call", outcome="reached")
        unanswered = self._log("call", outcome="no_answer")
        self._log("visit")
        self._log("meeting")
        self._log("demo")
        # not Li's, or before the period: not counted
        self._log("call", user=self.salesman_zhang, outcome="reached")
        self._log(
            "call",
            outcome="reached",
            day=self.this_month.date_start - timedelta(days=2),
        )
        order = self.env["sale.order"].create(
            {"partner_id": self.customer_li.id, "user_id": self.salesman_li.id}
        )
        order.write({"state": "sent"})
        self.assertEqual(self._line(plan, "call").done_count, 3)
        self.assertEqual(self._line(plan, "call").remaining_count, 37)
        self.assertEqual(self._line(plan, "visit").done_count, 2)
        self.assertEqual(self._line(plan, "visit").progress, 50.0)
        self.assertEqual(self._line(plan, "demo").done_count, 1)
        self.assertEqual(self._line(plan, "proposal").done_count, 1)
        # a call that got through after all, and a deleted one
        unanswered.outcome = "reached"
        self.assertEqual(self._line(plan, "call").done_count, 4)
        unanswered.unlink()
        self.assertEqual(self._line(plan, "call").done_count, 3)
        self.assertAlmostEqual(plan.progress_call, 7.5)

    def test_done_count_queries_do_not_grow_with_the_lines(self):
        users = (
            self.salesman_li
            | self.salesman_zhang
            | self.team_manager
            | self.salesman_all
            | self.director
        )
        plans = self.Plan
        for user in users:
            plans |= self._plan(
                self.this_month, user, call=40, visit=4, demo=2, proposal=2, other=1
            )
        self._log("call", outcome="reached")

        def count_queries(lines):
            self.env.invalidate_all()
            lines = lines.browse(lines.ids)
            before = self.cr.sql_log_count
            lines._compute_done_count()
            return self.cr.sql_log_count - before

        one_plan = count_queries(plans[0].line_ids)
        five_plans = count_queries(plans.line_ids)
        self.assertEqual(len(plans.line_ids), 25)
        self.assertEqual(five_plans, one_plan)

    # --- scheduling -------------------------------------------------------------

    def test_scheduling_fills_every_remaining_working_day(self):
        plan = self.Plan._create_from_quotas(self.quota_li)
        plan.with_user(self.salesman_li).action_start()
        activities = self._plan_activities(plan)
        calls = activities.filtered(
            lambda act: act.activity_type_id.sales_plan_kind == "call"
        )
        self.assertEqual(sorted(calls.mapped("date_deadline")), self.jan_working_days)
        self.assertEqual(calls.user_id, self.salesman_li)
        counts = [int(summary.split()[0]) for summary in calls.mapped("summary")]
        # 1,000 calls over 23 days: 44 a day, never more than the total
        self.assertEqual(sum(counts), 1_000)
        self.assertEqual(max(counts), 44)
        # the dashboard sums the units, the summary says them
        self.assertEqual(calls.mapped("sales_planned_count"), counts)
        demos = activities.filtered(
            lambda act: act.activity_type_id.sales_plan_kind == "demo"
        )
        self.assertEqual(
            sorted(demos.mapped("date_deadline")), self.jan_working_days[:5]
        )

    def test_scheduling_twice_creates_nothing_twice(self):
        plan = self.Plan._create_from_quotas(self.quota_li)
        plan.action_start()
        scheduled = self._plan_activities(plan)
        # a day's calls done: kept, and not scheduled again
        scheduled.filtered(lambda act: act.activity_type_id.sales_plan_kind == "call")[
            :1
        ].action_feedback(feedback="Done")
        plan.action_schedule()
        self.assertEqual(self._plan_activities(plan), scheduled)

    def test_only_a_salespersons_plan_is_scheduled(self):
        plan = self.Plan.create(
            {
                "period_id": self.jan.id,
                "owner_type": "team",
                "team_id": self.team_wang.id,
                "company_id": self.company.id,
            }
        )
        with self._refused(UserError, "salesperson's plan"):
            plan.action_schedule()

    # --- security -----------------------------------------------------------

    def test_salesperson_edits_own_plan_but_cannot_read_zhangs(self):
        plans = self.Plan._create_from_quotas(self.quota_li | self.quota_zhang)
        plan_li = plans.filtered(lambda plan: plan.user_id == self.salesman_li)
        plan_zhang = plans - plan_li
        as_li = plan_li.with_user(self.salesman_li)
        as_li.note = "<p>Call the hospitals first</p>"
        self._line(as_li, "call").target_count = 1_100
        self.assertEqual(self._line(plan_li, "call").target_count, 1_100)
        self.assertEqual(self.Plan.with_user(self.salesman_li).search([]), plan_li)
        with self.assertRaises(AccessError):
            plan_zhang.with_user(self.salesman_li).read(["name"])

    def test_salesperson_cannot_hand_their_plan_to_someone_else(self):
        plan = self.Plan._create_from_quotas(self.quota_li)
        with self._refused(UserError, "Only a sales manager"):
            plan.with_user(self.salesman_li).user_id = self.salesman_zhang
        self.assertEqual(plan.user_id, self.salesman_li)
