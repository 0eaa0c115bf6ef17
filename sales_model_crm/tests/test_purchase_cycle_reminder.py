# Copyright 2026 Sales Model CRM maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from unittest.mock import patch

from odoo import fields
from odoo.tests import HttpCase, tagged

from .common_customer_care import SalesCustomerCareCommon

REMINDER_MODEL = "odoo.addons.sales_model_crm.models.sales_purchase_cycle_reminder"


@tagged("post_install", "-at_install")
class TestPurchaseCycleReminder(SalesCustomerCareCommon):
    """The refill reminders of the scheduled action, and their reruns."""

    def _run_cron(self):
        self.engine._cron_purchase_cycles()

    def _reminders(self, customer=None):
        return (
            self.env["mail.activity"]
            .with_context(active_test=False)
            .search(
                [
                    ("res_model", "=", "res.partner"),
                    ("res_id", "=", (customer or self.customer_li).id),
                    (
                        "activity_type_id",
                        "=",
                        self.env.ref(
                            "sales_model_crm.mail_activity_type_purchase_cycle"
                        ).id,
                    ),
                ]
            )
        )

    def test_due_cycle_reminds_the_salesperson(self):
        self._order(self.customer_li, self.toner, 1, days_ago=110)
        self._order(self.customer_li, self.toner, 1, days_ago=55)
        self._run_cron()
        reminder = self._reminders()
        expected = fields.Date.to_string(self._days(5))
        self.assertRecordValues(
            reminder,
            [
                {
                    "user_id": self.salesman_li.id,
                    "date_deadline": self._days(5),
                    "summary": f"Call Test Zhilian Tech to refill Test Toner "
                    f"Cartridge: expected {expected}",
                }
            ],
        )

    def test_cycle_not_yet_due_is_not_reminded(self):
        self._order(self.customer_li, self.water, 2, days_ago=3)
        self._run_cron()
        self.assertFalse(self._reminders())

    def test_rerun_does_not_remind_twice(self):
        self._order(self.customer_li, self.water, 2, days_ago=12)
        self._run_cron()
        self._run_cron()
        self.assertEqual(len(self._reminders()), 1)

    def test_done_reminder_is_not_made_again(self):
        self._order(self.customer_li, self.water, 2, days_ago=12)
        self._run_cron()
        self._reminders().action_feedback(feedback="Called")
        self._run_cron()
        self.assertEqual(len(self._reminders()), 1)

    def test_open_quotation_covers_the_cycle(self):
        self._order(self.customer_li, self.water, 2, days_ago=12)
        self._order(self.customer_li, self.water, 2, days_ago=0, confirm=False)
        self._run_cron()
        self.assertFalse(self._reminders())

    def test_new_order_starts_the_next_cycle(self):
        self._order(self.customer_li, self.water, 2, days_ago=26)
        self._order(self.customer_li, self.water, 2, days_ago=12)
        self._run_cron()
        cycle = self._cycle(self.customer_li, self.water)
        first_expected = cycle.expected_date
        self._order(self.customer_li, self.water, 2, days_ago=0)
        self._run_cron()
        self.assertEqual(len(self._reminders()), 1)
        self.assertEqual(cycle.expected_date, self._days(14))
        self.assertNotEqual(cycle.expected_date, first_expected)
        self.assertEqual(cycle.state, "planned")

    def test_next_cycle_is_reminded_again(self):
        self._order(self.customer_li, self.water, 2, days_ago=26)
        self._run_cron()  # reminded (overdue)
        self._order(self.customer_li, self.water, 2, days_ago=12)
        self._run_cron()
        self.assertEqual(len(self._reminders()), 2)

    def test_customer_at_risk_is_not_reminded(self):
        self._order(self.customer_li, self.water, 2, days_ago=40)
        self._run_cron()
        self.assertFalse(self._reminders())

    def test_customer_without_salesperson_is_not_reminded(self):
        self._order(self.customer_pool, self.water, 2, days_ago=12)
        self._run_cron()
        self.assertFalse(self._reminders(self.customer_pool))

    def test_logging_the_call_closes_the_reminder(self):
        self._order(self.customer_li, self.water, 2, days_ago=12)
        self._run_cron()
        cycle = self._cycle(self.customer_li, self.water)
        action = cycle.with_user(self.salesman_li).action_log_call()
        self.env["sales.activity"].with_user(self.salesman_li).with_context(
            **action["context"]
        ).create({})
        reminder = self._reminders()
        self.assertFalse(reminder.active)  # done, kept (keep_done)

    def test_one_bad_cycle_does_not_stop_the_others(self):
        self._order(self.customer_li, self.water, 2, days_ago=12)
        self._order(self.customer_zhang, self.water, 2, days_ago=12)
        self.engine._recompute_cycles(self.company)
        bad = self._cycle(self.customer_zhang, self.water)
        original = type(self.reminder)._remind

        def remind(model, cycles):
            if bad in cycles:
                raise ValueError("broken customer")
            return original(model, cycles)

        with (
            patch.object(type(self.reminder), "_remind", remind),
            self.assertLogs(REMINDER_MODEL, level="ERROR"),
        ):
            count = self.reminder._send_reminders(self.company)
        self.assertEqual(count, 1)
        self.assertEqual(len(self._reminders()), 1)

    def test_email_notice_to_the_customer(self):
        self.company.sales_cycle_customer_notice = "email"
        self._order(self.customer_li, self.water, 2, days_ago=12)
        self._run_cron()
        mail = self.env["mail.mail"].search(
            [("recipient_ids", "in", self.customer_li.ids)]
        )
        self.assertIn("Test Water Bucket", mail.subject)

    def test_no_notice_to_a_customer_who_opted_out(self):
        self.company.sales_cycle_customer_notice = "email"
        self.customer_li.sales_no_marketing = True
        self._order(self.customer_li, self.water, 2, days_ago=12)
        self._run_cron()
        self.assertEqual(len(self._reminders()), 1)
        self.assertFalse(
            self.env["mail.mail"].search(
                [("recipient_ids", "in", self.customer_li.ids)]
            )
        )

    def test_sms_notice_to_the_customer(self):
        self.company.sales_cycle_customer_notice = "sms"
        self.customer_li.mobile = "+86 138 0013 8000"
        self._order(self.customer_li, self.water, 2, days_ago=12)
        self._run_cron()
        sms = self.env["sms.sms"].search([("partner_id", "=", self.customer_li.id)])
        self.assertEqual(len(sms), 1)

    def test_two_products_due_for_one_customer(self):
        self._order(self.customer_li, self.water, 2, days_ago=12)
        self._order(self.customer_li, self.toner, 1, days_ago=55)
        self._run_cron()
        self.assertEqual(len(self._reminders()), 2)


@tagged("post_install", "-at_install")
class TestPurchaseCycleTour(SalesCustomerCareCommon, HttpCase):
    def test_salesperson_logs_the_refill_call_and_orders(self):
        self.salesman_li.password = "smc_li"
        self._order(self.customer_li, self.water, 2, days_ago=12)
        self._order(self.customer_zhang, self.water, 2, days_ago=12)
        self.engine._cron_purchase_cycles()
        cycle = self._cycle(self.customer_li, self.water)
        self.assertEqual(cycle.expected_date, self._days(2))
        self.start_tour("/odoo", "sales_model_crm_purchase_cycle_tour", login="smc_li")
        self.assertFalse(cycle.reminder_activity_id.active)  # done by the call
        call = self.env["sales.activity"].search([("purchase_cycle_id", "=", cycle.id)])
        self.assertEqual(call.user_id, self.salesman_li)
        self.assertEqual(cycle.expected_date, self._days(14))
