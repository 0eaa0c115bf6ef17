// Copyright 2026 Sales Model CRM maintainers
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import {Component} from "@odoo/owl";
import {_t} from "@web/core/l10n/translation";
import {formatFloat} from "@web/core/utils/numbers";
import {registry} from "@web/core/registry";
import {standardFieldProps} from "@web/views/fields/standard_field_props";

/**
 * A quota's attainment as a bar of the actual against the stretch, with marks
 * at the minimum, the target and the stretch. The colour says which tier is
 * reached: red below the minimum, amber up to the target, green up to the
 * stretch, gold beyond it. Read-only: the actual comes from the documents.
 */
export class QuotaProgressField extends Component {
    static template = "sales_model_crm.QuotaProgressField";
    static props = {...standardFieldProps};

    get data() {
        return this.props.record.data;
    }
    get actual() {
        return this.data.actual_amount || 0;
    }
    get tiers() {
        return {
            minimum: this.data.minimum || 0,
            target: this.data.target || 0,
            stretch: this.data.stretch || 0,
        };
    }
    /** 100 % of the bar: the stretch, or the highest tier that is set. */
    get scale() {
        const {minimum, target, stretch} = this.tiers;
        return Math.max(minimum, target, stretch);
    }
    percentOfScale(value) {
        if (!this.scale) {
            return 0;
        }
        return Math.min(Math.max((100 * value) / this.scale, 0), 100);
    }
    get fillPercent() {
        return this.percentOfScale(this.actual);
    }
    get marks() {
        return Object.entries(this.tiers)
            .filter(([, value]) => value > 0)
            .map(([name, value]) => ({name, percent: this.percentOfScale(value)}));
    }
    /** Same rule as the server's tier_reached: the highest tier reached. */
    get tierReached() {
        const actual = Math.round(this.actual * 100);
        let reached = "none";
        for (const [name, value] of Object.entries(this.tiers)) {
            if (actual >= Math.round(value * 100)) {
                reached = name;
            }
        }
        return reached;
    }
    get colorClass() {
        return {
            none: "bg-danger",
            minimum: "bg-warning",
            target: "bg-success",
            stretch: "o_quota_progress_gold",
        }[this.tierReached];
    }
    get formattedValue() {
        const value = this.props.record.data[this.props.name] || 0;
        return `${formatFloat(value, {digits: [false, 0]})} %`;
    }
    formatAmount(value) {
        return formatFloat(value, {digits: [false, 0]});
    }
    /** The figures behind the bar, one a line, for the tooltip template. */
    get tooltipInfo() {
        const {minimum, target, stretch} = this.tiers;
        const lines = [
            _t("Actual: %(amount)s", {amount: this.formatAmount(this.actual)}),
            _t("Minimum: %(amount)s", {amount: this.formatAmount(minimum)}),
            _t("Target: %(amount)s", {amount: this.formatAmount(target)}),
            _t("Stretch: %(amount)s", {amount: this.formatAmount(stretch)}),
            _t("Attainment of the target: %(percent)s", {
                percent: this.formattedValue,
            }),
        ];
        return JSON.stringify({lines});
    }
}

export const quotaProgressField = {
    component: QuotaProgressField,
    displayName: _t("Quota Progress"),
    supportedTypes: ["float"],
    // the bar needs the tiers and the actual even where the view omits them
    fieldDependencies: [
        {name: "actual_amount", type: "float"},
        {name: "minimum", type: "float"},
        {name: "target", type: "float"},
        {name: "stretch", type: "float"},
    ],
};

registry.category("fields").add("quota_progress", quotaProgressField);
