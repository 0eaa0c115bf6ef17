// Copyright 2026 Sales Model CRM maintainers
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import {Component, onWillStart, useState} from "@odoo/owl";
import {_t} from "@web/core/l10n/translation";
import {formatFloat} from "@web/core/utils/numbers";
import {registry} from "@web/core/registry";
import {useService} from "@web/core/utils/hooks";

/**
 * The VP dashboard: collections, schedule fullness and key problems of a
 * team over a period, from one call to sales.vp.dashboard. Every number
 * opens the records it counts (the server sends their model, domain and the
 * list that totals them).
 */
export class SalesVpDashboard extends Component {
    static template = "sales_model_crm.VpDashboard";
    static props = ["*"];

    setup() {
        this.orm = useService("orm");
        this.action = useService("action");
        this.state = useState({data: null, loading: true});
        onWillStart(() => this.load({}));
    }

    async load({teamId = false, dateFrom = false, dateTo = false}) {
        this.state.loading = true;
        this.state.data = await this.orm.call(
            "sales.vp.dashboard",
            "get_dashboard_data",
            [],
            {team_id: teamId, date_from: dateFrom, date_to: dateTo}
        );
        this.state.loading = false;
    }

    get data() {
        return this.state.data;
    }
    get periodKey() {
        return `${this.data.date_from}|${this.data.date_to}`;
    }

    onTeamChange(ev) {
        this.load({
            teamId: parseInt(ev.target.value, 10) || false,
            dateFrom: this.data.date_from,
            dateTo: this.data.date_to,
        });
    }
    onPeriodChange(ev) {
        const [dateFrom, dateTo] = ev.target.value.split("|");
        this.load({teamId: this.data.team_id, dateFrom, dateTo});
    }

    /** Open the records behind a figure. */
    open(figure) {
        if (!figure || !figure.res_model) {
            return;
        }
        this.action.doAction({
            type: "ir.actions.act_window",
            name: figure.title || figure.name || _t("Records"),
            res_model: figure.res_model,
            domain: figure.domain,
            // the list made for the figure, which sums what the figure sums
            views: figure.views || [
                [false, "list"],
                [false, "form"],
            ],
            target: "current",
        });
    }
    openRecord(resModel, resId) {
        this.action.doAction({
            type: "ir.actions.act_window",
            res_model: resModel,
            res_id: resId,
            views: [[false, "form"]],
            target: "current",
        });
    }

    money(value) {
        const currency = this.data.currency;
        const amount = formatFloat(value || 0, {digits: [16, 0]});
        return currency.position === "before"
            ? `${currency.symbol} ${amount}`
            : `${amount} ${currency.symbol}`;
    }
    percent(value) {
        return `${formatFloat(value || 0, {digits: [16, 0]})} %`;
    }
    /** Width of a bar, in % of the largest value of its chart. */
    barWidth(value, values) {
        const max = Math.max(0, ...values);
        return max > 0 ? Math.max(0, Math.min(100, (100 * value) / max)) : 0;
    }
    get collectedValues() {
        return this.data.collections.collected_by_user.map((row) => row.value);
    }
    get overdueValues() {
        return this.data.collections.overdue_by_user.map((row) => row.value);
    }
    get expectedValues() {
        return this.data.collections.expected.map(
            (week) => week.invoices.value + (week.installments ? week.installments.value : 0)
        );
    }
    get rateWidth() {
        return Math.min(100, this.data.collections.rate);
    }
    dayLabel(day) {
        return day.slice(5);
    }
}

registry.category("actions").add("sales_model_crm.vp_dashboard", SalesVpDashboard);
