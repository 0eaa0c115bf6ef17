# Copyright 2026 Sales Model CRM maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The bulletin board on the portal: agents and their customers.

Everything is read as the portal user, without sudo: the record rule
``sales_announcement_rule_recipient`` shows a user only the published
announcements they are a recipient of, and ``sales_announcement_receipt_rule_own``
lets them set their own read receipt.
"""

from odoo import http
from odoo.exceptions import AccessError, MissingError
from odoo.http import request

from odoo.addons.portal.controllers.portal import CustomerPortal
from odoo.addons.portal.controllers.portal import pager as portal_pager


class SalesAnnouncementPortal(CustomerPortal):
    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "announcement_count" in counters:
            announcements = request.env["sales.announcement"]
            values["announcement_count"] = (
                announcements.search_count(self._prepare_announcements_domain())
                if announcements.has_access("read")
                else 0
            )
        return values

    def _prepare_announcements_domain(self):
        return [
            ("is_current", "=", True),
            ("recipient_user_ids", "in", request.env.uid),
        ]

    @http.route(
        ["/my/announcements", "/my/announcements/page/<int:page>"],
        type="http",
        auth="user",
        website=True,
    )
    def portal_my_announcements(self, page=1, **kwargs):
        announcements = request.env["sales.announcement"]
        domain = self._prepare_announcements_domain()
        pager = portal_pager(
            url="/my/announcements",
            total=announcements.search_count(domain),
            page=page,
            step=self._items_per_page,
        )
        values = self._prepare_portal_layout_values()
        unread = request.env["sales.announcement.receipt"].search(
            [("user_id", "=", request.env.uid), ("read_date", "=", False)]
        )
        values.update(
            {
                "announcements": announcements.search(
                    domain, limit=self._items_per_page, offset=pager["offset"]
                ),
                "unread_ids": set(unread.announcement_id.ids),
                "page_name": "announcement",
                "pager": pager,
                "default_url": "/my/announcements",
            }
        )
        return request.render("sales_model_crm.portal_my_announcements", values)

    @http.route(
        ["/my/announcements/<int:announcement_id>"],
        type="http",
        auth="user",
        website=True,
    )
    def portal_my_announcement(self, announcement_id, **kwargs):
        announcement = request.env["sales.announcement"].browse(announcement_id)
        try:
            announcement.check_access("read")
            announcement = announcement.filtered_domain(
                self._prepare_announcements_domain()
            )
        except (AccessError, MissingError):
            return request.redirect("/my")
        if not announcement:
            return request.redirect("/my")
        announcement.action_mark_read()
        values = self._prepare_portal_layout_values()
        values.update({"announcement": announcement, "page_name": "announcement"})
        return request.render("sales_model_crm.portal_my_announcement", values)
