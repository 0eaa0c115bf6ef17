# Copyright 2026 Sales Model CRM maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The scheduled actions of quotas: refresh and remind, renew, settle.

Each works in batches, can run twice without doing anything twice, and sets
aside a batch's bad record (logged) instead of failing as a whole.
"""

import logging
from datetime import timedelta

from odoo import api, fields, models

from .batch_isolation import run_isolated

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


class SalesQuotaScheduler(models.AbstractModel):
    """The quota jobs, apart from the quota model they work on."""

    _name = "sales.quota.scheduler"
    _description = "Quota Scheduled Actions"

    # --- batches ------------------------------------------------------------

    @api.model
    def _run_in_batches(self, records, job, batch_size=500):
        """Run ``job`` on ``records`` batch by batch, each in a savepoint.

        A batch that fails is retried record by record, so that one bad record
        is logged and skipped while the others are processed. Returns the
        records processed.
        """
        return run_isolated(
            self.env,
            records,
            job,
            "Quota %s skipped",
            _logger,
            batch_size=batch_size,
            name="Quota",
            # a failed batch of quotas is rare and worth its traceback
            batch_level=logging.WARNING,
        )

    # --- daily: progress and behind-pace reminders ----------------------------

    @api.model
    def _cron_refresh_progress(self, batch_size=500):
        """Refresh every running quota and remind the owners behind pace."""
        today = fields.Date.context_today(self)
        quotas = self.env["sales.quota"].search(
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
        created = self.env["sales.quota"]
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
        quota_model = self.env["sales.quota"]
        sources = quota_model.search(
            [("period_id", "=", previous.id), ("repeat_next_period", "=", True)]
        )
        created = quota_model.browse()

        def job(batch):
            nonlocal created
            created |= self._renew_batch(batch, period)

        # one quota that cannot be copied (a constraint, an archived scope)
        # must not stop the whole renewal, every day, for everybody
        self._run_in_batches(sources, job)
        return created

    @api.model
    def _renew_batch(self, sources, period):
        quota_model = self.env["sales.quota"]
        present = quota_model.search([("period_id", "=", period.id)])
        taken = {
            tuple(
                quota[key].id if key.endswith("_id") else quota[key]
                for key in RENEW_KEY_FIELDS
            )
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
        created = quota_model.create(values) if values else quota_model
        if created and "_create_from_quotas" in dir(self.env["sales.plan"]):
            self.env["sales.plan"]._create_from_quotas(created)
        return created

    # --- period close: settlement ----------------------------------------------

    @api.model
    def _cron_settle_quotas(self, batch_size=200):
        """Settle the confirmed quotas of the periods that have ended."""
        today = fields.Date.context_today(self)
        quotas = self.env["sales.quota"].search(
            [("state", "=", "confirmed"), ("date_end", "<", today)]
        )
        settlement = self.env["sales.quota.settlement"]
        done = self._run_in_batches(
            quotas, lambda batch: settlement._settle(batch, today=today), batch_size
        )
        self.env["ir.cron"]._notify_progress(done=len(done), remaining=0)
        return done
