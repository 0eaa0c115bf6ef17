# Copyright 2026 Sales Model CRM maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The bulletin board (公告栏): news for salespeople, agents and their customers.

The audience is resolved into recipient users when the announcement is
published, and one read receipt per recipient is created then: the record
rules filter on the stored recipients, so nobody reads an announcement that
was not meant for them, and "who has not read it yet" is a plain search.
"""

from odoo import Command, _, api, fields, models
from odoo.exceptions import UserError, ValidationError


class SalesAnnouncement(models.Model):
    _name = "sales.announcement"
    _description = "Sales Announcement"
    _inherit = ["mail.thread"]
    _order = "pinned desc, date_from desc, id desc"

    name = fields.Char(string="Title", required=True, tracking=True)
    body = fields.Html(sanitize_style=True)
    date_from = fields.Date(
        string="Valid From",
        required=True,
        default=fields.Date.context_today,
        tracking=True,
    )
    date_to = fields.Date(
        string="Valid Until",
        tracking=True,
        help="Leave empty for an announcement that stays until archived.",
    )
    pinned = fields.Boolean(
        tracking=True, help="Pinned announcements are listed first."
    )
    state = fields.Selection(
        [("draft", "Draft"), ("published", "Published")],
        default="draft",
        required=True,
        tracking=True,
        copy=False,
    )
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    group_ids = fields.Many2many(
        "res.groups",
        string="User Groups",
        help="Internal users of these groups receive the announcement.",
    )
    team_ids = fields.Many2many(
        "crm.team",
        string="Sales Teams",
        help="The leaders and members of these teams receive the announcement.",
    )
    agent_ids = fields.Many2many(
        "res.partner",
        "sales_announcement_agent_rel",
        "announcement_id",
        "partner_id",
        string="Agents",
        domain=[("sales_kind_ids.code", "=", "agent")],
        help="The agents' portal users receive the announcement, and the "
        "agents by email.",
    )
    include_agent_customers = fields.Boolean(
        string="Agents' Customers",
        help="Also the customers of the chosen agents (portal and email).",
    )
    recipient_user_ids = fields.Many2many(
        "res.users",
        "sales_announcement_recipient_rel",
        "announcement_id",
        "user_id",
        string="Recipients",
        readonly=True,
        copy=False,
        help="Set when the announcement is published.",
    )
    receipt_ids = fields.One2many(
        "sales.announcement.receipt", "announcement_id", string="Read Receipts"
    )
    read_count = fields.Integer(compute="_compute_read_counts")
    unread_count = fields.Integer(compute="_compute_read_counts")
    is_current = fields.Boolean(
        compute="_compute_is_current", search="_search_is_current"
    )

    @api.constrains("date_from", "date_to")
    def _check_dates(self):
        for announcement in self:
            if announcement.date_to and announcement.date_to < announcement.date_from:
                raise ValidationError(
                    _(
                        "The announcement %(title)s ends before it starts.",
                        title=announcement.name,
                    )
                )

    def _compute_read_counts(self):
        groups = self.env["sales.announcement.receipt"]._read_group(
            [("announcement_id", "in", self.ids)],
            groupby=["announcement_id", "is_read"],
            aggregates=["__count"],
        )
        counts = {(ann.id, is_read): count for ann, is_read, count in groups}
        for announcement in self:
            announcement.read_count = counts.get((announcement.id, True), 0)
            announcement.unread_count = counts.get((announcement.id, False), 0)

    def _compute_is_current(self):
        today = fields.Date.context_today(self)
        for announcement in self:
            announcement.is_current = (
                announcement.state == "published"
                and announcement.date_from <= today
                and (not announcement.date_to or announcement.date_to >= today)
            )

    def _search_is_current(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(_("Unsupported search on current announcements."))
        today = fields.Date.context_today(self)
        domain = [
            ("state", "=", "published"),
            ("date_from", "<=", today),
            "|",
            ("date_to", "=", False),
            ("date_to", ">=", today),
        ]
        if (operator == "=") == value:
            return domain
        return ["!", *domain]

    def _audience_partners(self):
        """The commercial partners reached outside: agents and their customers."""
        self.ensure_one()
        partners = self.agent_ids
        if self.include_agent_customers and self.agent_ids:
            partners |= self.env["res.partner"].search(
                [("sales_agent_id", "in", self.agent_ids.ids)]
            )
        return partners

    def _audience_users(self):
        self.ensure_one()
        users = self.group_ids.users.filtered(lambda user: not user.share)
        users |= self.team_ids.member_ids | self.team_ids.user_id
        partners = self._audience_partners()
        if partners:
            users |= self.env["res.users"].search(
                [
                    ("share", "=", True),
                    ("partner_id", "child_of", partners.ids),
                ]
            )
        return users.filtered("active")

    def action_publish(self):
        for announcement in self:
            if announcement.state == "published":
                continue
            users = announcement._audience_users()
            if not users and not announcement._audience_partners():
                raise UserError(
                    _(
                        "The announcement %(title)s has nobody to reach: choose "
                        "user groups, sales teams or agents.",
                        title=announcement.name,
                    )
                )
            announcement.write(
                {
                    "state": "published",
                    "recipient_user_ids": [Command.set(users.ids)],
                }
            )
            self.env["sales.announcement.receipt"].create(
                [
                    {"announcement_id": announcement.id, "user_id": user.id}
                    for user in users
                ]
            )
            announcement._send_by_email()
        return True

    def _send_by_email(self):
        """Mail the agents and their customers, except who opted out."""
        self.ensure_one()
        partners = self._audience_partners()
        partners |= self.recipient_user_ids.filtered("share").partner_id
        # opt-outs: the no-marketing flag (also on the contact's company) and
        # the email blacklist
        partners = self.env["res.partner"]._sales_reachable(
            partners.filtered(
                lambda partner: not partner.commercial_partner_id.sales_no_marketing
            ),
            "email",
        )
        if not partners:
            return
        template = self.env.ref(
            "sales_model_crm.mail_template_sales_announcement",
            raise_if_not_found=False,
        )
        if template:
            # one mail, sent to each recipient separately
            template.send_mail(
                self.id,
                email_values={"recipient_ids": [Command.set(partners.ids)]},
            )

    def action_mark_read(self):
        """Set the current user's read receipts (called when opened)."""
        receipts = self.env["sales.announcement.receipt"].search(
            [
                ("announcement_id", "in", self.ids),
                ("user_id", "=", self.env.uid),
                ("read_date", "=", False),
            ]
        )
        receipts.write({"read_date": fields.Datetime.now()})
        return True

    def action_open(self):
        """Open one announcement from the kanban and mark it read."""
        self.ensure_one()
        self.action_mark_read()
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "target": "current",
        }

    def action_view_unread(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": _("Not Read Yet"),
            "res_model": "sales.announcement.receipt",
            "view_mode": "list",
            "domain": [
                ("announcement_id", "=", self.id),
                ("read_date", "=", False),
            ],
        }


class SalesAnnouncementReceipt(models.Model):
    _name = "sales.announcement.receipt"
    _description = "Announcement Read Receipt"
    _order = "read_date desc, id"

    announcement_id = fields.Many2one(
        "sales.announcement", required=True, ondelete="cascade", index=True
    )
    user_id = fields.Many2one(
        "res.users", string="Recipient", required=True, ondelete="cascade", index=True
    )
    partner_id = fields.Many2one(related="user_id.partner_id", string="Contact")
    read_date = fields.Datetime(readonly=True)
    is_read = fields.Boolean(
        string="Read", compute="_compute_is_read", store=True, index=True
    )

    _sql_constraints = [
        (
            "announcement_user_unique",
            "unique(announcement_id, user_id)",
            "A recipient has one read receipt per announcement.",
        )
    ]

    @api.depends("read_date")
    def _compute_is_read(self):
        for receipt in self:
            receipt.is_read = bool(receipt.read_date)
