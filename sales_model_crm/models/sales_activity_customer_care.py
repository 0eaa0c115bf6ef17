# Copyright 2026 Sales Model CRM maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class SalesActivity(models.Model):
    _inherit = "sales.activity"

    purchase_cycle_id = fields.Many2one(
        "sales.purchase.cycle",
        string="Refill Reminder",
        index="btree_not_null",
        ondelete="set null",
        help="The purchase cycle this call or visit follows up: logging it "
        "marks the refill reminder done.",
    )

    @api.model_create_multi
    def create(self, vals_list):
        records = super().create(vals_list)
        reminders = records.purchase_cycle_id.reminder_activity_id.filtered("active")
        for activity in reminders:
            record = records.filtered(
                lambda rec, act=activity: rec.purchase_cycle_id.reminder_activity_id
                == act
            )[:1]
            activity.action_feedback(feedback=record.name)
        return records
