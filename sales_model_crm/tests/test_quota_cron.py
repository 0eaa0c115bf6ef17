# Copyright 2026 Sales Model CRM maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta
from unittest.mock import patch

from odoo import fields
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common_quota import SalesQuotaCommon


@tagged("post_install", "-at_install")
class TestQuotaCron(SalesQuotaCommon):
    """The daily, period-start and period-close jobs, run twice and with faults."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        today = fields.Date.context_today(cls.env.user)
        cls.custom_type = cls._period_type("Test Running", "custom")
        cls.running = cls.env["date.range"].create(
            {
                "name": "Test running period",
                "type_id": cls.custom_type.id,
                "date_start": today - timedelta(days=30),
                "date_end": today + timedelta(days=30),
                "company_id": cls.company.id,
            }
        )
        cls.previous = cls.env["date.range"].create(
            {
                "name": "Test previous period",
                "type_id": cls.custom_type.id,
                "date_start": today - timedelta(days=91),
                "date_end": today - timedelta(days=31),
                "company_id": cls.company.id,
            }
        )
        cls.activity_type = cls.env.ref(
            "sales_model_crm.mail_activity_type_quota_behind"
        )

    def _reminders(self, quota):
        return self.env["mail.activity"].search(
            [
                ("res_model", "=", "sales.quota"),
                ("res_id", "=", quota.id),
                ("activity_type_id", "=", self.activity_type.id),
            ]
        )

    def test_owner_and_manager_are_reminded_once_when_behind_pace(self):
        quota = self._quota(
            self.running, self.salesman_li, 60000, team_id=self.team_wang.id
        )
        quota.action_confirm()
        self.env["sales.quota.scheduler"]._cron_refresh_progress()
        self.assertTrue(quota.behind_pace)
        reminders = self._reminders(quota)
        self.assertEqual(reminders.user_id, self.salesman_li | self.team_manager)
        self.assertIn("per remaining working day", reminders[0].note)
        self.env["sales.quota.scheduler"]._cron_refresh_progress()
        self.assertEqual(self._reminders(quota), reminders, "updated, not repeated")

    def test_quota_on_pace_gets_no_reminder(self):
        quota = self._quota(self.running, self.salesman_li, 0, minimum=0, stretch=0)
        quota.action_confirm()
        self.env["sales.quota.scheduler"]._cron_refresh_progress()
        self.assertFalse(quota.behind_pace)
        self.assertFalse(self._reminders(quota))

    def test_renewed_quotas_are_copied_into_the_new_period_once(self):
        source = self._quota(
            self.previous,
            self.salesman_li,
            30000,
            repeat_next_period=True,
            reward_target_value=800,
        )
        self._quota(self.previous, self.salesman_zhang, 20000)
        created = self.env["sales.quota.scheduler"]._cron_renew_quotas()
        renewed = created.filtered(lambda quota: quota.period_id == self.running)
        self.assertEqual(len(renewed), 1)
        self.assertEqual(renewed.user_id, self.salesman_li)
        self.assertEqual(renewed.target, 30000)
        self.assertEqual(renewed.reward_target_value, 800)
        self.assertEqual(renewed.state, "draft")
        self.assertTrue(source.exists())
        again = self.env["sales.quota.scheduler"]._cron_renew_quotas()
        self.assertFalse(
            again.filtered(lambda quota: quota.period_id == self.running),
            "running twice creates nothing twice",
        )

    def test_ended_periods_are_settled_once(self):
        quota = self._quota(self.previous, self.salesman_li, 30000)
        quota.action_confirm()
        self.env["sales.quota.scheduler"]._cron_settle_quotas()
        self.assertEqual(quota.state, "closed")
        self.assertEqual(len(quota.settlement_ids), 1)
        self.env["sales.quota.scheduler"]._cron_settle_quotas()
        self.assertEqual(len(quota.settlement_ids), 1)

    @mute_logger("odoo.addons.sales_model_crm.models.sales_quota_cron")
    def test_one_bad_quota_does_not_stop_the_settlement_of_the_others(self):
        good = self._quota(self.previous, self.salesman_li, 30000)
        bad = self._quota(self.previous, self.salesman_zhang, 30000)
        (good | bad).action_confirm()
        quota_class = type(self.env["sales.quota"])
        original = quota_class._reward_for

        def reward_for(quota, actual):
            if quota == bad:
                raise ValueError("corrupt quota")
            return original(quota, actual)

        with patch.object(quota_class, "_reward_for", reward_for):
            done = self.env["sales.quota.scheduler"]._cron_settle_quotas()
        self.assertIn(good, done)
        self.assertEqual(good.state, "closed")
        self.assertEqual(bad.state, "confirmed", "left for the next run")
        self.assertFalse(bad.settlement_ids)
