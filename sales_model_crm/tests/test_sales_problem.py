# Copyright 2026 Sales Model CRM maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import SalesModelCommon


@tagged("post_install", "-at_install")
class TestSalesProblem(SalesModelCommon):
    """Key problems: followed until solved, sent up when they stay open."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Problem = cls.env["sales.problem"]
        # the problems are Li's, and their age is counted in Li's days
        cls.today = cls._today(cls.salesman_li)

    def _problem(self, user, days_ago=0, **values):
        return (
            self.Problem.with_user(user)
            .create(
                {
                    "name": "Test the buyer changed",
                    "date_raised": self.today - timedelta(days=days_ago),
                    "company_id": self.company.id,
                    **values,
                }
            )
            .with_user(user)
        )

    def _manager_activities(self, problem):
        return problem.sudo().activity_ids.filtered(
            lambda act: act.user_id == self.team_manager
        )

    def test_problem_knows_its_leader_its_age_and_its_customer(self):
        lead = self.env["crm.lead"].create(
            {"name": "Test lead", "partner_id": self.customer_li.id}
        )
        problem = self._problem(self.salesman_li, days_ago=4, lead_id=lead.id)
        self.assertEqual(problem.manager_id, self.team_manager)
        self.assertEqual(problem.source, "lead")
        self.assertEqual(problem.partner_id, self.customer_li)
        self.assertEqual(problem.age_days, 4)
        self.assertIn(problem, self.Problem.search([("age_days", ">", 3)]))
        self.assertNotIn(problem, self.Problem.search([("age_days", "<", 3)]))

    def test_escalating_gives_the_leader_an_activity(self):
        problem = self._problem(self.salesman_li)
        problem.action_escalate()
        self.assertEqual(problem.state, "escalated")
        self.assertEqual(len(self._manager_activities(problem)), 1)
        with self.assertRaisesRegex(UserError, "open problem"):
            problem.action_escalate()

    def test_problem_open_too_long_goes_to_the_leader_once(self):
        self.company.sales_problem_escalation_days = 3
        old = self._problem(self.salesman_li, days_ago=3)
        fresh = self._problem(self.salesman_li, days_ago=1)
        self.Problem._cron_notify_stale()
        self.Problem._cron_notify_stale()
        self.assertEqual(len(self._manager_activities(old)), 1)
        self.assertFalse(self._manager_activities(fresh))
        self.assertTrue(old.overdue_notified)

    def test_solved_problem_keeps_its_age_and_may_be_reopened(self):
        problem = self._problem(self.salesman_li, days_ago=2)
        problem.action_solve()
        self.assertEqual(problem.state, "solved")
        self.assertEqual(problem.date_solved, self.today)
        self.assertEqual(problem.age_days, 2)
        problem.action_reopen()
        self.assertEqual(problem.state, "open")
        self.assertFalse(problem.date_solved)

    def test_salesperson_sees_own_problems_leader_the_teams(self):
        problem_li = self._problem(self.salesman_li)
        problem_zhang = self._problem(self.salesman_zhang)
        with self.assertRaises(AccessError):
            problem_zhang.with_user(self.salesman_li).read(["name"])
        as_wang = self.Problem.with_user(self.team_manager)
        self.assertIn(problem_li, as_wang.search([]))
        self.assertNotIn(problem_zhang, as_wang.search([]))
        problem_li.with_user(self.team_manager).action_solve()
        as_director = self.Problem.with_user(self.director)
        self.assertEqual(
            as_director.search([("id", "in", (problem_li | problem_zhang).ids)]),
            problem_li | problem_zhang,
        )
