# Copyright 2026 Sales Model CRM maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models

from .sales_plan import PLAN_LINE_KINDS


class MailActivityType(models.Model):
    _inherit = "mail.activity.type"

    sales_plan_kind = fields.Selection(
        PLAN_LINE_KINDS,
        string="Plan Work",
        help="Scheduling a plan creates activities of this type for its lines "
        "of this kind; keep the type's 'Keep Done' set, so that a day already "
        "done is not scheduled again.",
    )
