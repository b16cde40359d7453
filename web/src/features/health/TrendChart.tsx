import type { FlagLevel, MeasureTrend } from "@portico/contracts";
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { valueText } from "./data";

/**
 * One measure's trend drawn with Recharts (loaded only by the pages that show charts). The
 * chart is a picture for sighted readers: the summary above it and the table view carry the
 * same facts in words. A flagged point differs by shape (triangle: attention, diamond with a
 * "!": urgent), not only by colour; blood pressure draws the diastolic line dashed.
 */
export interface TrendChartProps {
  trend: MeasureTrend;
  locale: string;
  /** "3 Mar" for the axis */
  formatDay: (iso: string) => string;
  /** the names of the two lines (blood pressure) or the one */
  labels: { value: string; value2?: string };
}

const STROKE: Record<FlagLevel, string> = {
  normal: "var(--color-primary)",
  attention: "var(--color-warning)",
  urgent: "var(--color-danger)",
};

interface DotProps {
  cx?: number;
  cy?: number;
  index?: number;
  payload?: { flag: FlagLevel };
}

function FlagDot({ cx, cy, payload, index }: DotProps) {
  if (cx === undefined || cy === undefined || !payload) return <g key={`dot-${index}`} />;
  const colour = STROKE[payload.flag];
  if (payload.flag === "urgent") {
    return (
      <g key={`dot-${index}`}>
        <path d={`M${cx} ${cy - 8} L${cx + 8} ${cy} L${cx} ${cy + 8} L${cx - 8} ${cy} Z`} fill={colour} />
        <text x={cx} y={cy + 4} textAnchor="middle" fontSize="11" fontWeight="700" fill="#ffffff">
          !
        </text>
      </g>
    );
  }
  if (payload.flag === "attention") {
    return (
      <path key={`dot-${index}`} d={`M${cx} ${cy - 7} L${cx + 7} ${cy + 5} L${cx - 7} ${cy + 5} Z`} fill={colour} />
    );
  }
  return (
    <circle key={`dot-${index}`} cx={cx} cy={cy} r={3.5} fill="var(--color-surface)" stroke={colour} strokeWidth={2} />
  );
}

export default function TrendChart({ trend, locale, formatDay, labels }: TrendChartProps) {
  const data = trend.points.map((p) => ({ ...p, time: Date.parse(p.takenAt) }));
  const bp = trend.measure === "blood_pressure";
  return (
    <ResponsiveContainer width="100%" height={240}>
      <LineChart data={data} margin={{ top: 12, right: 12, bottom: 4, left: 0 }} accessibilityLayer={false}>
        <CartesianGrid stroke="var(--color-border)" strokeDasharray="3 3" />
        <XAxis
          dataKey="time"
          type="number"
          scale="time"
          domain={["dataMin", "dataMax"]}
          tickFormatter={(t: number) => formatDay(new Date(t).toISOString())}
          stroke="var(--color-text-muted)"
          fontSize={12}
          minTickGap={24}
        />
        <YAxis
          domain={["auto", "auto"]}
          stroke="var(--color-text-muted)"
          fontSize={12}
          width={40}
          tickFormatter={(v: number) => valueText(trend.measure, v, null, locale)}
        />
        <Tooltip
          labelFormatter={(t) => formatDay(new Date(Number(t)).toISOString())}
          formatter={(v) => valueText(trend.measure, Number(v), null, locale)}
        />
        <Line
          type="monotone"
          dataKey="value"
          name={labels.value}
          stroke="var(--color-primary)"
          strokeWidth={2}
          dot={(props: DotProps) => <FlagDot {...props} />}
          isAnimationActive={false}
        />
        {bp ? (
          <Line
            type="monotone"
            dataKey="value2"
            name={labels.value2}
            stroke="var(--color-neutral)"
            strokeWidth={2}
            strokeDasharray="6 4"
            dot={(props: DotProps) => <FlagDot {...props} />}
            isAnimationActive={false}
          />
        ) : null}
      </LineChart>
    </ResponsiveContainer>
  );
}
