# Copyright 2026 Sales Model CRM maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models

HANDOVER_KINDS = [
    ("partner", "Customers"),
    ("lead", "Leads and Opportunities"),
    ("activity", "Activities"),
    ("quota", "Quotas"),
    ("plan", "Plans"),
    ("collection", "Collection Plans"),
    ("problem", "Problems"),
]


class SalesHandoverLog(models.Model):
    """What a handover (交接) moved, kept after the wizard is gone."""

    _name = "sales.handover.log"
    _description = "Sales Handover Log"
    _order = "date desc, id desc"
    _rec_name = "from_user_id"

    date = fields.Datetime(required=True, default=fields.Datetime.now, readonly=True)
    from_user_id = fields.Many2one(
        "res.users", string="Departing Salesperson", required=True, readonly=True
    )
    done_by_id = fields.Many2one(
        "res.users",
        string="Done By",
        required=True,
        readonly=True,
        default=lambda self: self.env.user,
    )
    user_archived = fields.Boolean(readonly=True)
    line_ids = fields.One2many(
        "sales.handover.log.line", "log_id", string="Moved", readonly=True
    )
    moved_count = fields.Integer(string="Records Moved", readonly=True)


class SalesHandoverLogLine(models.Model):
    _name = "sales.handover.log.line"
    _description = "Sales Handover Log Line"
    _order = "log_id, kind, to_user_id"

    log_id = fields.Many2one(
        "sales.handover.log", required=True, ondelete="cascade", index=True
    )
    kind = fields.Selection(HANDOVER_KINDS, required=True)
    to_user_id = fields.Many2one("res.users", string="Successor", required=True)
    count = fields.Integer(required=True)
    res_model = fields.Char(string="Model", required=True)
    res_ids = fields.Text(
        string="Record IDs", help="The ids of the moved records, comma separated."
    )
