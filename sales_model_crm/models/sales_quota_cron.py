# Copyright 2026 Sales Model CRM maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The scheduled actions of quotas: refresh and remind, renew, settle.

Each works in batches, can run twice without doing anything twice, and sets
aside a batch's bad record (logged) instead of failing as a whole.
"""

import logging
from datetime import timedelta

from markupsafe import Markup

from odoo import _, api, fields, models
from odoo.tools import format_amount

_logger = logging.getLogger(__name__)

RENEW_KEY_FIELDS = (
    "owner_type",
    "user_id",
    "team_id",
    "agent_id",
    "region_id",
    "product_category_id",
    "customer_tier_id",
    "basis",
)


class SalesQuota(models.Model):
    _inherit = "sales.quota"

    # --- batches ------------------------------------------------------------

    @api.model
    def _run_in_batches(self, records, job, batch_size=500):
        """Run ``job`` on ``records`` batch by batch, each in a savepoint.

        A batch that fails is retried record by record, so that one bad record
        is logged and skipped while the others are processed. Returns the
        records processed.
        """
        done = records.browse()
        for start in range(0, len(records), batch_size):
            batch = records[start : start + batch_size]
            try:
                with self.env.cr.savepoint():
                    job(batch)
                done |= batch
            except Exception:
                _logger.warning(
                    "Quota batch failed, retrying record by record", exc_info=True
                )
                for record in batch:
                    try:
                        with self.env.cr.savepoint():
                            job(record)
                        done |= record
                    except Exception:
                        _logger.exception("Quota %s skipped", record.id)
        return done

    # --- daily: progress and behind-pace reminders ----------------------------

    @api.model
    def _cron_refresh_progress(self, batch_size=500):
        """Refresh every running quota and remind the owners behind pace."""
        today = fields.Date.context_today(self)
        quotas = self.search(
            [("state", "!=", "closed"), ("date_end", ">=", today - timedelta(days=1))]
        )

        def job(batch):
            self.env["sales.quota.progress"]._refresh(batch, today=today)
            batch.filtered(
                lambda quota: quota.state == "confirmed" and quota.behind_pace
            )._remind_behind_pace()

        done = self._run_in_batches(quotas, job, batch_size)
        self.env["ir.cron"]._notify_progress(done=len(done), remaining=0)
        return done

    def _pace_reminder_users(self):
        """Who hears that a quota is behind pace: its owner and their manager."""
        self.ensure_one()
        if self.owner_type == "user":
            owner = self.user_id
        elif self.owner_type == "team":
            owner = self.team_id.user_id
        else:
            owner = self.agent_id.user_id
        users = owner | self.team_id.user_id
        return users.filtered(lambda user: user.active and not user.share)

    def _pace_reminder_note(self):
        self.ensure_one()
        pace = self._pace()
        currency = self.display_currency_id

        def fmt(amount):
            if currency:
                return format_amount(self.env, amount, currency)
            return f"{amount:,.1f}"

        return Markup("<p>%s</p><p>%s</p>") % (
            _(
                "%(name)s is behind pace by %(gap)s: %(actual)s done, "
                "%(expected)s expected by today at the minimum's pace.",
                name=self.display_name,
                gap=fmt(pace["expected_minimum"] - self.actual_amount),
                actual=fmt(self.actual_amount),
                expected=fmt(pace["expected_minimum"]),
            ),
            _(
                "To still reach the minimum: %(minimum)s per remaining working "
                "day; the target: %(target)s per day.",
                minimum=fmt(pace["per_day_minimum"]),
                target=fmt(pace["per_day_target"]),
            ),
        )

    def _remind_behind_pace(self):
        """One open reminder per quota and user, updated rather than repeated."""
        if not self:
            return
        activity_type = self.env.ref("sales_model_crm.mail_activity_type_quota_behind")
        today = fields.Date.context_today(self)
        existing = self.env["mail.activity"].search(
            [
                ("res_model", "=", self._name),
                ("res_id", "in", self.ids),
                ("activity_type_id", "=", activity_type.id),
            ]
        )
        by_key = {(act.res_id, act.user_id.id): act for act in existing}
        model_id = self.env["ir.model"]._get_id(self._name)
        to_create = []
        for quota in self:
            note = quota._pace_reminder_note()
            for user in quota._pace_reminder_users():
                activity = by_key.get((quota.id, user.id))
                if activity:
                    activity.write({"note": note, "date_deadline": today})
                    continue
                to_create.append(
                    {
                        "res_model_id": model_id,
                        "res_id": quota.id,
                        "activity_type_id": activity_type.id,
                        "summary": _("Behind pace"),
                        "note": note,
                        "user_id": user.id,
                        "date_deadline": today,
                    }
                )
        if to_create:
            self.env["mail.activity"].create(to_create)

    # --- period start: renew quotas and plans ----------------------------------

    @api.model
    def _cron_renew_quotas(self):
        """Copy the quotas marked to renew into the period that has started.

        A quota is renewed into the next period of the same type once: a quota
        of the same owner, scope and basis already there is left alone.
        """
        today = fields.Date.context_today(self)
        current = self.env["date.range"].search(
            [
                ("type_id.sales_cycle", "!=", False),
                ("date_start", "<=", today),
                ("date_end", ">=", today),
            ]
        )
        created = self.browse()
        for period in current:
            previous = self.env["date.range"].search(
                [
                    ("type_id", "=", period.type_id.id),
                    ("date_end", "<", period.date_start),
                    ("company_id", "=", period.company_id.id),
                ],
                order="date_end desc",
                limit=1,
            )
            if previous:
                created |= self._renew_into(previous, period)
        self.env["ir.cron"]._notify_progress(done=len(created), remaining=0)
        return created

    @api.model
    def _renew_into(self, previous, period):
        sources = self.search(
            [("period_id", "=", previous.id), ("repeat_next_period", "=", True)]
        )
        present = self.search([("period_id", "=", period.id)])
        taken = {
            tuple(quota[key].id if key.endswith("_id") else quota[key]
                  for key in RENEW_KEY_FIELDS)
            for quota in present
        }
        values = []
        for quota in sources:
            key = tuple(
                quota[key].id if key.endswith("_id") else quota[key]
                for key in RENEW_KEY_FIELDS
            )
            if key in taken or (
                quota.owner_type == "user" and not quota.user_id.active
            ):
                continue
            taken.add(key)
            values.append(
                quota.copy_data(
                    {"period_id": period.id, "parent_id": False, "state": "draft"}
                )[0]
            )
        created = self.create(values) if values else self.browse()
        if created and "_create_from_quotas" in dir(self.env["sales.plan"]):
            self.env["sales.plan"]._create_from_quotas(created)
        return created

    # --- period close: settlement ----------------------------------------------

    @api.model
    def _cron_settle_quotas(self, batch_size=200):
        """Settle the confirmed quotas of the periods that have ended."""
        today = fields.Date.context_today(self)
        quotas = self.search([("state", "=", "confirmed"), ("date_end", "<", today)])
        settlement = self.env["sales.quota.settlement"]
        done = self._run_in_batches(
            quotas, lambda batch: settlement._settle(batch, today=today), batch_size
        )
        self.env["ir.cron"]._notify_progress(done=len(done), remaining=0)
        return done
