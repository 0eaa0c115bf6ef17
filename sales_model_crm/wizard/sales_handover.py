# Copyright 2026 Sales Model CRM maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The handover (交接) of a departing salesperson's work to successors.

Customers, open leads and opportunities, open activities, quotas not closed,
plans not done, collection plans with money still to collect and problems
not solved change owner: the successor answers for them from now on. Daily
reviews and closed records stay with the departing salesperson, as history.
Owners are tracked fields, so every moved record's chatter shows the change.
"""

from collections import defaultdict
from itertools import cycle

from odoo import _, api, fields, models
from odoo.exceptions import UserError

from ..models.sales_handover_log import HANDOVER_KINDS

KIND_FIELDS = {
    "partner": "partner_successor_id",
    "lead": "lead_successor_id",
    "activity": "activity_successor_id",
    "quota": "quota_successor_id",
    "plan": "plan_successor_id",
    "collection": "collection_successor_id",
    "problem": "problem_successor_id",
}


class SalesHandoverWizard(models.TransientModel):
    _name = "sales.handover.wizard"
    _description = "Hand Over a Salesperson's Work"

    from_user_id = fields.Many2one(
        "res.users",
        string="Departing Salesperson",
        required=True,
        domain=[("share", "=", False)],
    )
    mode = fields.Selection(
        [
            ("round_robin", "Share out in turn among successors"),
            ("manual", "One successor per kind"),
        ],
        default="round_robin",
        required=True,
    )
    successor_ids = fields.Many2many(
        "res.users",
        string="Successors",
        domain=[("share", "=", False)],
    )
    partner_successor_id = fields.Many2one(
        "res.users", string="Customers To", domain=[("share", "=", False)]
    )
    lead_successor_id = fields.Many2one(
        "res.users", string="Leads To", domain=[("share", "=", False)]
    )
    activity_successor_id = fields.Many2one(
        "res.users", string="Activities To", domain=[("share", "=", False)]
    )
    quota_successor_id = fields.Many2one(
        "res.users", string="Quotas To", domain=[("share", "=", False)]
    )
    plan_successor_id = fields.Many2one(
        "res.users", string="Plans To", domain=[("share", "=", False)]
    )
    collection_successor_id = fields.Many2one(
        "res.users", string="Collection Plans To", domain=[("share", "=", False)]
    )
    problem_successor_id = fields.Many2one(
        "res.users", string="Problems To", domain=[("share", "=", False)]
    )
    archive_user = fields.Boolean(
        string="Archive the Departing User",
        help="Archive the user once the work is handed over.",
    )
    partner_count = fields.Integer(string="Customers", compute="_compute_counts")
    lead_count = fields.Integer(
        string="Open Leads/Opportunities", compute="_compute_counts"
    )
    activity_count = fields.Integer(string="Open Activities", compute="_compute_counts")
    quota_count = fields.Integer(string="Open Quotas", compute="_compute_counts")
    plan_count = fields.Integer(string="Open Plans", compute="_compute_counts")
    collection_count = fields.Integer(
        string="Collection Plans To Collect", compute="_compute_counts"
    )
    problem_count = fields.Integer(string="Open Problems", compute="_compute_counts")

    @api.depends("from_user_id")
    def _compute_counts(self):
        for wizard in self:
            records = wizard._records_by_kind()
            for kind in KIND_FIELDS:
                wizard[f"{kind}_count"] = len(records[kind])

    def _records_by_kind(self):
        """What moves, per kind; empty recordsets without a departing user."""
        self.ensure_one()
        user = self.from_user_id
        env = self.env
        if not user:
            return {
                "partner": env["res.partner"],
                "lead": env["crm.lead"],
                "activity": env["mail.activity"],
                "quota": env["sales.quota"],
                "plan": env["sales.plan"],
                "collection": env["sales.collection.plan"],
                "problem": env["sales.problem"],
            }
        return {
            "partner": env["res.partner"].search([("user_id", "=", user.id)]),
            "lead": env["crm.lead"].search(
                # lost leads are archived, so not found: only open ones move
                [
                    ("user_id", "=", user.id),
                    "|",
                    ("stage_id", "=", False),
                    ("stage_id.is_won", "=", False),
                ]
            ),
            "activity": env["mail.activity"].search([("user_id", "=", user.id)]),
            "quota": env["sales.quota"].search(
                [("user_id", "=", user.id), ("state", "in", ("draft", "confirmed"))]
            ),
            "plan": env["sales.plan"].search(
                [("user_id", "=", user.id), ("state", "in", ("draft", "active"))]
            ),
            # fully collected plans are history; the amounts are computed in
            # one batch for all the user's plans
            "collection": env["sales.collection.plan"]
            .search([("user_id", "=", user.id)])
            .filtered(lambda plan: plan.amount_to_collect or not plan.installment_ids),
            "problem": env["sales.problem"].search(
                [("user_id", "=", user.id), ("state", "in", ("open", "escalated"))]
            ),
        }

    def _check_successors(self):
        self.ensure_one()
        if self.mode == "round_robin":
            successors = self.successor_ids
            if not successors:
                raise UserError(_("Choose at least one successor."))
        else:
            successors = self.env["res.users"].union(
                *(self[field] for field in KIND_FIELDS.values())
            )
        if self.from_user_id in successors:
            raise UserError(
                _(
                    "%(user)s cannot hand over work to themselves.",
                    user=self.from_user_id.name,
                )
            )
        archived = successors.filtered(lambda user: not user.active)
        if archived:
            raise UserError(
                _(
                    "Archived users cannot take over work: %(users)s.",
                    users=", ".join(archived.mapped("name")),
                )
            )

    def _assignments(self, records):
        """{kind: {successor: records}}."""
        self.ensure_one()
        result = {}
        for kind, kind_records in records.items():
            if not kind_records:
                continue
            if self.mode == "manual":
                successor = self[KIND_FIELDS[kind]]
                if not successor:
                    raise UserError(
                        _(
                            "Choose who takes over the %(kind)s.",
                            kind=dict(HANDOVER_KINDS)[kind].lower(),
                        )
                    )
                result[kind] = {successor: kind_records}
                continue
            shares = defaultdict(list)
            for record, successor in zip(
                kind_records, cycle(self.successor_ids), strict=False
            ):
                shares[successor].append(record.id)
            result[kind] = {
                successor: kind_records.browse(ids) for successor, ids in shares.items()
            }
        return result

    def action_confirm(self):
        self.ensure_one()
        self._check_successors()
        records = self._records_by_kind()
        assignments = self._assignments(records)
        lines = []
        for kind, shares in assignments.items():
            for successor, share in shares.items():
                share.write({"user_id": successor.id})
                lines.append(
                    {
                        "kind": kind,
                        "to_user_id": successor.id,
                        "count": len(share),
                        "res_model": share._name,
                        "res_ids": ",".join(map(str, share.ids)),
                    }
                )
        if self.archive_user:
            # sudo: a sales director archives the user they hand over; user
            # management needs the settings rights directors usually lack
            self.from_user_id.sudo().active = False
        log = self.env["sales.handover.log"].create(
            {
                "from_user_id": self.from_user_id.id,
                "user_archived": self.archive_user,
                "moved_count": sum(line["count"] for line in lines),
                "line_ids": [fields.Command.create(line) for line in lines],
            }
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": "sales.handover.log",
            "res_id": log.id,
            "view_mode": "form",
            "target": "current",
        }
