# Copyright 2026 Sales Model CRM maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The agents' portal: an agent's contacts follow the agent's quotas.

Everything is read as the portal user, without sudo: the record rules
``sales_quota_rule_portal`` and ``sales_plan_rule_portal`` restrict a portal
user to the quotas and plans of their own agent (their commercial partner).
The domains below say the same for internal users who open /my, so that the
pages only ever list agents' quotas.
"""

from odoo import _, http
from odoo.exceptions import AccessError, MissingError
from odoo.http import request

from odoo.addons.portal.controllers.portal import CustomerPortal
from odoo.addons.portal.controllers.portal import pager as portal_pager

# drafts are still being negotiated: the agent sees a quota once confirmed
PORTAL_QUOTA_STATES = ("confirmed", "closed")


class SalesQuotaPortal(CustomerPortal):
    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "quota_count" in counters:
            quotas = request.env["sales.quota"]
            values["quota_count"] = (
                quotas.search_count(self._prepare_quotas_domain())
                if quotas.has_access("read")
                else 0
            )
        return values

    def _prepare_quotas_domain(self):
        """The current user's agent's quotas that the agent may see."""
        agent = request.env.user.partner_id.commercial_partner_id
        return [
            ("owner_type", "=", "agent"),
            ("agent_id", "=", agent.id),
            ("state", "in", PORTAL_QUOTA_STATES),
        ]

    def _get_quota_searchbar_sortings(self):
        return {
            "date": {"label": _("Newest Period"), "order": "date_start desc, id"},
            "attainment": {
                "label": _("Attainment"),
                "order": "attainment desc, date_start desc, id",
            },
        }

    def _get_quota_searchbar_filters(self):
        return {
            "all": {"label": _("All"), "domain": []},
            "open": {
                "label": _("In Progress"),
                "domain": [("state", "=", "confirmed")],
            },
            "closed": {"label": _("Settled"), "domain": [("state", "=", "closed")]},
        }

    def _prepare_quotas_portal_rendering_values(
        self, page=1, sortby=None, filterby=None, **kwargs
    ):
        quotas = request.env["sales.quota"]
        sortings = self._get_quota_searchbar_sortings()
        filters = self._get_quota_searchbar_filters()
        sortby = sortby if sortby in sortings else "date"
        filterby = filterby if filterby in filters else "all"
        domain = self._prepare_quotas_domain() + filters[filterby]["domain"]
        pager = portal_pager(
            url="/my/quotas",
            url_args={"sortby": sortby, "filterby": filterby},
            total=quotas.search_count(domain),
            page=page,
            step=self._items_per_page,
        )
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "quotas": quotas.search(
                    domain,
                    order=sortings[sortby]["order"],
                    limit=self._items_per_page,
                    offset=pager["offset"],
                ),
                "page_name": "quota",
                "pager": pager,
                "default_url": "/my/quotas",
                "searchbar_sortings": sortings,
                "sortby": sortby,
                "searchbar_filters": filters,
                "filterby": filterby,
            }
        )
        return values

    @http.route(
        ["/my/quotas", "/my/quotas/page/<int:page>"],
        type="http",
        auth="user",
        website=True,
    )
    def portal_my_quotas(self, **kwargs):
        values = self._prepare_quotas_portal_rendering_values(**kwargs)
        return request.render("sales_model_crm.portal_my_quotas", values)

    @http.route(["/my/quotas/<int:quota_id>"], type="http", auth="user", website=True)
    def portal_my_quota(self, quota_id, **kwargs):
        try:
            # raises unless the user may read the quota (no access token:
            # quotas are never shared by link)
            self._document_check_access("sales.quota", quota_id)
        except (AccessError, MissingError):
            return request.redirect("/my")
        # the sudo record _document_check_access returns is not used: the
        # page reads the quota, its plan and plan lines as the portal user
        quota = (
            request.env["sales.quota"]
            .browse(quota_id)
            .filtered_domain(self._prepare_quotas_domain())
        )
        if not quota:
            return request.redirect("/my")
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "quota": quota,
                "plan": request.env["sales.plan"].search(
                    [("quota_id", "=", quota.id)], order="id", limit=1
                ),
                "pace": quota._pace(),
                "page_name": "quota",
            }
        )
        return request.render("sales_model_crm.portal_my_quota", values)
