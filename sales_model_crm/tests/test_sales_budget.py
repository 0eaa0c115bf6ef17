# Copyright 2026 Sales Model CRM maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date, timedelta
from unittest.mock import patch

from odoo import Command
from odoo.exceptions import AccessError, ValidationError
from odoo.tests import tagged

from odoo.addons.sales_model_crm.models.sales_budget import SalesBudget

from .common_quota import SalesQuotaCommon


class SalesBudgetCommon(SalesQuotaCommon):
    """Li's and Zhang's January budgets; Li reached 30 % of his target."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Budget = cls.env["sales.budget"]
        cls.Expense = cls.env["sales.budget.expense"]
        cls.travel = cls.env.ref("sales_model_crm.sales_budget_category_travel")
        cls.entertainment = cls.env.ref(
            "sales_model_crm.sales_budget_category_entertainment"
        )
        # Li reached 30 % of the January target
        cls.quota_li = cls._quota(cls.jan, cls.salesman_li, 100_000)
        cls.quota_li.actual_amount = 30_000
        cls.budget_li = cls._budget(cls.salesman_li, travel=6_000, entertainment=4_000)
        cls.budget_zhang = cls._budget(cls.salesman_zhang, travel=5_000)

    @classmethod
    def _budget(cls, user, period=None, **planned):
        categories = {
            "travel": cls.travel,
            "entertainment": cls.entertainment,
        }
        return cls.env["sales.budget"].create(
            {
                "period_id": (period or cls.jan).id,
                "owner_type": "user",
                "user_id": user.id,
                "company_id": cls.company.id,
                "line_ids": [
                    Command.create(
                        {"category_id": categories[name].id, "planned_amount": amount}
                    )
                    for name, amount in planned.items()
                ],
            }
        )

    def _spend(self, amount, category=None, day=None, budget=None, user=None):
        expenses = self.Expense
        if user:
            expenses = expenses.with_user(user)
        return expenses.create(
            {
                "name": "Test train to Tianjin",
                "budget_id": (budget or self.budget_li).id,
                "category_id": (category or self.travel).id,
                "date": day or date(2030, 1, 15),
                "amount": amount,
            }
        )

    def _assert_refused(self, pattern, func, *args, **kwargs):
        """``func`` fails with a clear message (and its savepoint rolls back)."""
        with self.assertRaises(ValidationError) as caught:
            func(*args, **kwargs)
        self.assertRegex(str(caught.exception), pattern)

    def _line(self, budget, category):
        return budget.line_ids.filtered(lambda line: line.category_id == category)


@tagged("post_install", "-at_install")
class TestSalesBudget(SalesBudgetCommon):
    """Expense budgets: planned by category, spent, and burn against attainment."""

    def test_budget_shows_planned_spent_remaining_and_burn(self):
        self._spend(2_500)
        self._spend(1_500, category=self.entertainment)
        budget = self.budget_li
        self.assertEqual(budget.planned_amount, 10_000)
        self.assertEqual(budget.spent_amount, 4_000)
        self.assertEqual(budget.remaining_amount, 6_000)
        self.assertAlmostEqual(budget.burn_rate, 40.0)
        self.assertEqual(budget.quota_id, self.quota_li)
        self.assertAlmostEqual(budget.attainment, 30.0)
        # 40 % spent for 30 % reached: within the 20 points margin
        self.assertFalse(budget.over_burn)
        travel = self._line(budget, self.travel)
        self.assertEqual(travel.spent_amount, 2_500)
        self.assertEqual(travel.remaining_amount, 3_500)

    def test_budget_burning_ahead_of_attainment_is_flagged(self):
        self._spend(6_000)
        # 60 % spent for 30 % reached
        self.assertTrue(self.budget_li.over_burn)
        self.quota_li.actual_amount = 45_000
        self.budget_li.invalidate_recordset()
        self.assertFalse(self.budget_li.over_burn)

    def test_without_hr_expense_spending_is_the_entered_expenses(self):
        self._spend(1_000)
        with patch.object(SalesBudget, "_hr_expense_available", return_value=False):
            budget = self.budget_li
            budget.invalidate_recordset()
            with self.assertQueryCount(0):
                self.assertEqual(budget._hr_expense_spending(), {})
            self.assertEqual(budget.hr_expense_amount, 0)
            self.assertEqual(budget.spent_amount, 1_000)
            self.assertFalse(budget.hr_expense_installed)

    # --- bad input ------------------------------------------------------------

    def test_negative_planned_amount_is_refused(self):
        self._assert_refused(
            "planned amount for Travel cannot be negative",
            self._budget,
            self.salesman_li,
            period=self.feb,
            travel=-100,
        )
        self.assertFalse(self.Budget.search([("period_id", "=", self.feb.id)]))

    def test_expense_needs_an_amount_above_zero(self):
        for amount in (0, -50):
            self._assert_refused("needs an amount above zero", self._spend, amount)
        self.assertFalse(self.budget_li.expense_ids)

    def test_expense_outside_the_period_is_refused(self):
        self._assert_refused(
            "of 2030-02-01 is outside the period",
            self._spend,
            100,
            day=self.jan.date_end + timedelta(days=1),
        )
        self.assertFalse(self.budget_li.expense_ids)

    def test_second_budget_for_the_same_owner_and_period_is_refused(self):
        self._assert_refused(
            "already an expense budget", self._budget, self.salesman_li, travel=1_000
        )
        self.assertEqual(
            self.Budget.search_count([("user_id", "=", self.salesman_li.id)]), 1
        )

    # --- security -----------------------------------------------------------

    def test_salesperson_cannot_create_a_budget(self):
        with self.assertRaises(AccessError):
            self.Budget.with_user(self.salesman_li).create(
                {
                    "period_id": self.feb.id,
                    "owner_type": "user",
                    "user_id": self.salesman_li.id,
                    "company_id": self.company.id,
                }
            )

    def test_salesperson_enters_expenses_on_own_budget_only(self):
        expense = self._spend(300, user=self.salesman_li)
        self.assertEqual(self.budget_li.with_user(self.salesman_li).spent_amount, 300)
        self.assertEqual(expense.user_id, self.salesman_li)
        with self.assertRaises(AccessError):
            self._spend(300, budget=self.budget_zhang, user=self.salesman_li)
        with self.assertRaises(AccessError):
            self.budget_zhang.with_user(self.salesman_li).read(["name"])

    def test_team_manager_plans_the_budgets_of_their_team(self):
        budget = self.Budget.with_user(self.team_manager).create(
            {
                "period_id": self.mar.id,
                "owner_type": "user",
                "user_id": self.salesman_li.id,
                "company_id": self.company.id,
            }
        )
        self.assertEqual(budget.team_id, self.team_wang)
        with self.assertRaises(AccessError):
            self.Budget.with_user(self.team_manager).create(
                {
                    "period_id": self.mar.id,
                    "owner_type": "user",
                    "user_id": self.salesman_zhang.id,
                    "company_id": self.company.id,
                }
            )
