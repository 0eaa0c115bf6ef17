# Copyright 2026 Sales Model CRM maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date, timedelta
from unittest.mock import patch

from odoo import fields
from odoo.tests import tagged, users

from .common_customer_care import SalesCustomerCareCommon


@tagged("post_install", "-at_install")
class TestCustomerCare(SalesCustomerCareCommon):
    """Greetings, return visits and the care cadence by tier."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.care = cls.env["sales.customer.care"]
        # greetings and return visits fall on the owner's day; Li has no time
        # zone, so it is the job's own (the purchase cycles of the common
        # class count the company's days)
        cls.today = fields.Date.context_today(cls.care)

    def _greetings(self, partner):
        return self._activities(partner, "sales_model_crm.mail_activity_type_greeting")

    def test_birthday_greeting_a_few_days_ahead_for_the_owner(self):
        birthday = self._days(2).replace(year=1980)
        self.contact_li.sales_birthday = birthday
        self.care._cron_customer_care()
        self.assertRecordValues(
            self._greetings(self.contact_li),
            [{"user_id": self.salesman_li.id, "date_deadline": self._days(2)}],
        )

    def test_birthday_beyond_the_window_waits(self):
        self.contact_li.sales_birthday = self._days(10).replace(year=1980)
        self.care._cron_customer_care()
        self.assertFalse(self._greetings(self.contact_li))

    def test_greeting_is_scheduled_once(self):
        self.contact_li.sales_birthday = self._days(1).replace(year=1980)
        self.care._cron_customer_care()
        self._greetings(self.contact_li).action_feedback(feedback="Sent")
        self.care._cron_customer_care()
        self.assertEqual(len(self._greetings(self.contact_li)), 1)

    def test_founding_anniversary_of_the_company(self):
        self.customer_li.sales_founding_date = self._days(3).replace(year=2010)
        self.care._cron_customer_care()
        self.assertEqual(len(self._greetings(self.customer_li)), 1)

    def test_29_february_birthday_greeted_on_28_february(self):
        self.contact_li.sales_birthday = date(1992, 2, 29)
        with patch.object(fields.Date, "context_today", return_value=date(2027, 2, 26)):
            self.care._schedule_greetings()
        self.assertEqual(
            self._greetings(self.contact_li).date_deadline, date(2027, 2, 28)
        )

    def test_29_february_birthday_in_a_leap_year(self):
        self.contact_li.sales_birthday = date(1992, 2, 29)
        with patch.object(fields.Date, "context_today", return_value=date(2028, 2, 27)):
            self.care._schedule_greetings()
        self.assertEqual(
            self._greetings(self.contact_li).date_deadline, date(2028, 2, 29)
        )

    def test_return_visit_after_a_confirmed_order(self):
        order = self._order(self.customer_li, self.dispenser, 1, days_ago=2)
        self.care._cron_customer_care()
        visit = self._activities(
            self.customer_li, "sales_model_crm.mail_activity_type_return_visit"
        )
        self.assertRecordValues(
            visit, [{"user_id": self.salesman_li.id, "date_deadline": self._days(5)}]
        )
        self.assertTrue(order.sales_return_visit_planned)

    def test_return_visit_is_planned_once(self):
        self._order(self.customer_li, self.dispenser, 1, days_ago=2)
        self.care._cron_customer_care()
        self.care._cron_customer_care()
        visits = self._activities(
            self.customer_li, "sales_model_crm.mail_activity_type_return_visit"
        )
        self.assertEqual(len(visits), 1)

    def test_return_visit_after_a_won_deal(self):
        lead = self.env["crm.lead"].create(
            {
                "name": "Test office water contract",
                "type": "opportunity",
                "partner_id": self.customer_li.id,
                "user_id": self.salesman_li.id,
            }
        )
        lead.action_set_won()
        self.care._cron_customer_care()
        visits = self._activities(
            self.customer_li, "sales_model_crm.mail_activity_type_return_visit"
        )
        self.assertEqual(visits.date_deadline, self._days(7))

    def test_return_visit_follows_the_company_plan(self):
        call = self.env.ref("mail.mail_activity_data_call")
        plan = self.env["mail.activity.plan"].create(
            {
                "name": "Test return visit plan",
                "res_model": "res.partner",
                "template_ids": [
                    fields.Command.create(
                        {
                            "activity_type_id": call.id,
                            "summary": "Test satisfaction call",
                            "delay_count": 2,
                            "delay_unit": "days",
                            "delay_from": "after_plan_date",
                        }
                    )
                ],
            }
        )
        self.company.sales_care_return_visit_plan_id = plan
        self._order(self.customer_li, self.dispenser, 1, days_ago=7)
        self.care._cron_customer_care()
        activity = self._activities(self.customer_li, "mail.mail_activity_data_call")
        self.assertRecordValues(
            activity,
            [{"summary": "Test satisfaction call", "date_deadline": self._days(2)}],
        )

    def test_one_bad_activity_does_not_stop_the_others(self):
        good = {
            "activity_type_id": self.env.ref("mail.mail_activity_data_call").id,
            "res_model_id": self.env["ir.model"]._get_id("res.partner"),
            "res_id": self.customer_li.id,
            "user_id": self.salesman_li.id,
            "date_deadline": self.today,
        }
        bad = dict(good, date_deadline="not a date")
        with self.assertLogs(
            "odoo.addons.sales_model_crm.models.sales_customer_care", "ERROR"
        ):
            count = self.care._create_activities([good, bad], batch_size=10)
        self.assertEqual(count, 1)

    def test_platinum_customer_overdue_for_care(self):
        self.tier_platinum.care_cadence_days = 14
        self.customer_li.with_company(self.company).sudo().write(
            {"sales_tier_id": self.tier_platinum.id}
        )
        self.env["sales.activity"].create(
            {
                "name": "Test visit",
                "partner_id": self.customer_li.id,
                "user_id": self.salesman_li.id,
                "date": fields.Datetime.now() - timedelta(days=20),
            }
        )
        self.assertTrue(self.customer_li.sales_care_overdue)
        overdue = self.env["res.partner"].search([("sales_care_overdue", "=", True)])
        self.assertIn(self.customer_li, overdue)

    def test_recent_contact_is_not_overdue(self):
        self.tier_platinum.care_cadence_days = 14
        self.customer_li.with_company(self.company).sudo().write(
            {"sales_tier_id": self.tier_platinum.id}
        )
        self.env["sales.activity"].create(
            {
                "name": "Test visit",
                "partner_id": self.customer_li.id,
                "user_id": self.salesman_li.id,
            }
        )
        self.assertFalse(self.customer_li.sales_care_overdue)
        overdue = self.env["res.partner"].search([("sales_care_overdue", "=", True)])
        self.assertNotIn(self.customer_li, overdue)

    @users("smc_li")
    def test_salesperson_sees_only_own_overdue_customers(self):
        self.tier_platinum.care_cadence_days = 14
        for customer in self.customer_li | self.customer_zhang:
            customer.with_company(self.company).sudo().write(
                {"sales_tier_id": self.tier_platinum.id}
            )
        overdue = self.env["res.partner"].search(
            [
                ("sales_care_overdue", "=", True),
                ("user_id", "!=", False),
                ("is_company", "=", True),
            ]
        )
        self.assertEqual(overdue, self.customer_li.with_env(self.env))

    def test_one_return_visit_per_customer(self):
        self._order(self.customer_li, self.dispenser, 1, days_ago=3)
        self._order(self.customer_li, self.toner, 1, days_ago=2)
        self.care._cron_customer_care()
        visits = self._activities(
            self.customer_li, "sales_model_crm.mail_activity_type_return_visit"
        )
        self.assertEqual(visits.date_deadline, self._days(5))

    def test_team_dashboard_counts_care_overdue_and_due(self):
        self.tier_platinum.care_cadence_days = 14
        self.customer_li.with_company(self.company).write(
            {"sales_tier_id": self.tier_platinum.id}
        )
        self._order(self.customer_li, self.water, 2, days_ago=12)
        self.env["sales.purchase.cycle.engine"]._recompute_cycles(self.company)
        self.assertRecordValues(
            self.team_wang,
            [{"sales_care_overdue_count": 1, "sales_due_to_buy_count": 1}],
        )
        self.assertEqual(self.team_other.sales_care_overdue_count, 0)
