# Copyright 2026 Sales Model CRM maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from contextlib import contextmanager
from datetime import date

from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import SalesModelCommon


@tagged("post_install", "-at_install")
class TestCollectionPlan(SalesModelCommon):
    """Collection plans of orders dated 1 March 2030, paid 30 % now, 70 % in 30 days."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_sale_orders()
        cls.order = cls._order(cls.customer_li, cls.salesman_li, 1000.0)

    @classmethod
    def _order(cls, partner, user, amount):
        team = cls.team_wang if user == cls.salesman_li else cls.team_other
        return cls._sale_order(partner, user, team, amount)

    def _plan(self, order=None, user=None):
        order = order or self.order
        if user:
            order = order.with_user(user)
        action = order.action_sales_collection_plan()
        return self.env["sales.collection.plan"].browse(action["res_id"])

    def _invoice_and_pay(self, order, amount, day):
        invoice = order._create_invoices()
        invoice.invoice_date = date(2030, 3, 1)
        invoice.action_post()
        wizard = (
            self.env["account.payment.register"]
            .with_context(active_model="account.move", active_ids=invoice.ids)
            .create({"payment_date": day, "amount": amount})
        )
        wizard._create_payments()
        return invoice

    @contextmanager
    def _refused(self, exception, text):
        """Like assertRaisesRegex, but rolled back like Odoo's assertRaises."""
        with self.assertRaises(exception) as caught:
            yield
        self.assertIn(text, str(caught.exception))

    def test_payment_terms_make_installments(self):
        plan = self._plan()
        self.assertEqual(plan.amount_total, 1000.0)
        self.assertEqual(
            [(inst.due_date, inst.amount) for inst in plan.installment_ids],
            [(date(2030, 3, 1), 300.0), (date(2030, 3, 31), 700.0)],
        )
        self.assertEqual(self.order.sales_collection_plan_count, 1)
        # the button opens the same plan the second time
        self.assertEqual(self._plan(), plan)

    @freeze_time("2030-03-10")
    def test_partial_payment_pays_first_installment_first(self):
        plan = self._plan()
        self._invoice_and_pay(self.order, 500.0, date(2030, 3, 5))
        self.env.invalidate_all()
        first, second = plan.installment_ids
        self.assertEqual((first.amount_collected, first.state), (300.0, "collected"))
        self.assertEqual((second.amount_collected, second.state), (200.0, "partial"))
        self.assertEqual(plan.amount_collected, 500.0)
        self.assertEqual(plan.amount_to_collect, 500.0)
        report = self.env["sales.collection.report"]._read_group(
            [("plan_id", "=", plan.id)],
            [],
            ["amount_planned:sum", "amount_collected:sum"],
        )
        self.assertEqual(report, [(1000.0, 500.0)])

    def test_unpaid_installment_after_due_date_is_overdue(self):
        plan = self._plan()
        self._invoice_and_pay(self.order, 300.0, date(2030, 3, 2))
        with freeze_time("2030-03-20"):
            self.env.invalidate_all()
            self.assertEqual(
                plan.installment_ids.mapped("state"), ["collected", "planned"]
            )
        with freeze_time("2030-04-02"):
            # the state follows today: a new day is a new transaction
            self.env.invalidate_all()
            self.assertEqual(
                plan.installment_ids.mapped("state"), ["collected", "overdue"]
            )
            self.assertEqual(plan.amount_overdue, 700.0)
            overdue = self.env["sales.collection.installment"].search(
                [("plan_id", "=", plan.id), ("state", "=", "overdue")]
            )
            self.assertEqual(overdue, plan.installment_ids[1])

    def _reminders(self, plan):
        return self.env["mail.activity"].search(
            [("res_model", "=", "sales.collection.plan"), ("res_id", "=", plan.id)]
        )

    def test_reminders_before_and_after_due_date_once(self):
        plan = self._plan()
        self._invoice_and_pay(self.order, 300.0, date(2030, 3, 1))
        cron = self.env["sales.collection.plan"]
        with freeze_time("2030-03-20"):
            cron._cron_send_reminders()
            self.assertFalse(self._reminders(plan), "too early: 3 days before only")
        with freeze_time("2030-03-28"):
            cron._cron_send_reminders()
            cron._cron_send_reminders()
            before = self._reminders(plan)
            self.assertEqual(len(before), 1)
            self.assertEqual(before.user_id, self.salesman_li)
            self.assertIn("700", before.summary)
        with freeze_time("2030-04-01"):
            cron._cron_send_reminders()
            cron._cron_send_reminders()
            after = self._reminders(plan) - before
            self.assertEqual(len(after), 1)
            self.assertIn("Overdue", after.summary)

    def test_two_installments_overdue_at_once_both_get_a_reminder(self):
        plan = self._plan()
        with freeze_time("2030-06-01"):  # 30 % and 70 % both overdue, unpaid
            self.env["sales.collection.plan"]._cron_send_reminders()
            reminders = self._reminders(plan)
        self.assertEqual(len(reminders), 2)
        self.assertEqual(reminders.user_id, self.salesman_li)

    def test_installments_must_add_up_to_total(self):
        plan = self._plan()
        with self._refused(ValidationError, "add up"):
            plan.write(
                {
                    "installment_ids": [
                        Command.update(plan.installment_ids[0].id, {"amount": 400.0})
                    ]
                }
            )
        with self._refused(ValidationError, "add up"):
            plan.installment_ids[0].amount = 200.0
        # moving money between installments in the form is fine
        first, second = plan.installment_ids
        plan.write(
            {
                "installment_ids": [
                    Command.update(first.id, {"amount": 500.0}),
                    Command.update(second.id, {"amount": 500.0}),
                ]
            }
        )
        self.assertEqual(plan.installment_ids.mapped("amount"), [500.0, 500.0])

    def test_bad_installments_are_refused(self):
        plan = self._plan()
        before = plan.installment_ids.read(["due_date", "amount"])
        with self._refused(ValidationError, "positive amount"):
            plan.installment_ids = [
                Command.clear(),
                Command.create({"due_date": date(2030, 3, 5), "amount": -100.0}),
                Command.create({"due_date": date(2030, 3, 6), "amount": 1100.0}),
            ]
        with self._refused(ValidationError, "before the order date"):
            plan.installment_ids = [
                Command.clear(),
                Command.create({"due_date": date(2030, 2, 1), "amount": 1000.0}),
            ]
        self.env.invalidate_all()
        self.assertEqual(plan.installment_ids.read(["due_date", "amount"]), before)

    def test_salesperson_own_plans_until_invoiced(self):
        plan = self._plan(user=self.salesman_li)
        plan_li = plan.with_user(self.salesman_li)
        plan_li.installment_ids[0].note = "Deposit"
        with self.assertRaises(AccessError):
            plan.with_user(self.salesman_zhang).read(["amount_total"])
        self._invoice_and_pay(self.order, 100.0, date(2030, 3, 2))
        plan_li.invalidate_recordset()
        with self._refused(UserError, "invoiced"):
            plan_li.installment_ids[0].note = "Changed"
        # the team manager still corrects it
        plan.with_user(self.team_manager).installment_ids[0].note = "Agreed"
        self.assertEqual(plan.installment_ids[0].note, "Agreed")

    def test_managers_see_their_scope(self):
        plan_li = self._plan()
        order_zhang = self._order(self.customer_zhang, self.salesman_zhang, 200.0)
        plan_zhang = self._plan(order_zhang)
        plans = plan_li | plan_zhang
        Plan = self.env["sales.collection.plan"]
        self.assertEqual(
            Plan.with_user(self.team_manager).search([("id", "in", plans.ids)]),
            plan_li,
        )
        self.assertEqual(
            Plan.with_user(self.director).search([("id", "in", plans.ids)]), plans
        )
        self.assertEqual(
            Plan.with_user(self.salesman_zhang).search([("id", "in", plans.ids)]),
            plan_zhang,
        )
        with self.assertRaises(AccessError):
            plan_li.with_user(self.salesman_all).write({"amount_total": 900.0})

    def test_collected_computation_does_not_grow_with_plans(self):
        orders = [
            self._order(self.customer_li, self.salesman_li, 100.0) for _i in range(6)
        ]
        plans = self.env["sales.collection.plan"]
        for order in orders:
            plans |= self._plan(order)
            self._invoice_and_pay(order, 50.0, date(2030, 3, 2))

        def count_queries(batch):
            self.env.invalidate_all()
            batch = batch.browse(batch.ids)
            start = self.env.cr.sql_log_count
            batch.mapped("amount_collected")
            batch.installment_ids.mapped("state")
            return self.env.cr.sql_log_count - start

        one = count_queries(plans[:1])
        many = count_queries(plans)
        self.assertEqual(many, one)
        self.assertEqual(plans.mapped("amount_collected"), [50.0] * 6)
