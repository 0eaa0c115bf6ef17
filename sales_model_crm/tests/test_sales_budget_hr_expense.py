# Copyright 2026 Sales Model CRM maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Budgets on a database where the Expenses app (hr_expense) is installed.

Not imported by the package's ``__init__``: ``bin/test`` runs this file in its
``hr`` mode, on a database with hr_expense, so the test fails rather than skips
when the app is missing.
"""

from datetime import date

from odoo import Command
from odoo.tests import tagged

from .test_sales_budget import SalesBudgetCommon


@tagged("post_install", "-at_install", "-standard", "sales_model_hr_expense")
class TestSalesBudgetHrExpense(SalesBudgetCommon):
    def test_approved_employee_expenses_count_when_hr_expense_is_installed(self):
        product = self.env["product.product"].create(
            {"name": "Test Train Ticket", "can_be_expensed": True}
        )
        self.travel.product_ids = [Command.link(product.id)]
        employee = self.env["hr.employee"].create(
            {
                "name": "Test Li",
                "user_id": self.salesman_li.id,
                "company_id": self.company.id,
            }
        )
        values = {
            "employee_id": employee.id,
            "product_id": product.id,
            "total_amount_currency": 800,
            "company_id": self.company.id,
        }
        expenses = self.env["hr.expense"].create(
            [
                dict(values, name="Test approved", date=date(2030, 1, 10)),
                dict(values, name="Test draft", date=date(2030, 1, 11)),
                dict(values, name="Test other month", date=date(2030, 2, 10)),
            ]
        )
        # sheets and their approval flow are the Expenses app's business
        (expenses[0] | expenses[2]).write({"state": "approved"})
        self.budget_li.invalidate_recordset()
        self.assertEqual(self.budget_li.hr_expense_amount, 800)
        self.assertEqual(self._line(self.budget_li, self.travel).spent_amount, 800)
