import { Bar, BarChart, CartesianGrid, LabelList, Legend, ResponsiveContainer, XAxis, YAxis } from "recharts";

/**
 * One figure as horizontal bars, drawn with Recharts (loaded only with the dashboard). The
 * chart is for sighted readers: the summary above it and the table view say the same in
 * words. Every bar carries its value as text, and a second series differs by pattern
 * (diagonal stripes) as well as colour, so colour is never the only signal.
 */
export interface ChartDatum {
  label: string;
  [series: string]: string | number | null;
}

export interface FigureChartProps {
  data: ChartDatum[];
  series: { key: string; name: string }[];
  format: (value: number) => string;
}

const FILLS = ["var(--color-primary)", "url(#operations-stripes)"];

export default function FigureChart({ data, series, format }: FigureChartProps) {
  const height = Math.max(160, data.length * (28 * series.length + 24) + 60);
  return (
    <ResponsiveContainer width="100%" height={height}>
      <BarChart
        data={data}
        layout="vertical"
        margin={{ top: 8, right: 48, bottom: 8, left: 8 }}
        accessibilityLayer={false}
      >
        <defs>
          <pattern
            id="operations-stripes"
            width="8"
            height="8"
            patternUnits="userSpaceOnUse"
            patternTransform="rotate(45)"
          >
            <rect width="8" height="8" fill="var(--color-warning-soft)" />
            <line x1="0" y1="0" x2="0" y2="8" stroke="var(--color-warning)" strokeWidth="4" />
          </pattern>
        </defs>
        <CartesianGrid stroke="var(--color-border)" strokeDasharray="3 3" horizontal={false} />
        <XAxis type="number" stroke="var(--color-text-muted)" fontSize={12} tickFormatter={format} />
        <YAxis
          type="category"
          dataKey="label"
          width={110}
          stroke="var(--color-text-muted)"
          fontSize={12}
          tickFormatter={(v: string) => (v.length > 18 ? `${v.slice(0, 17)}…` : v)}
        />
        {series.length > 1 ? <Legend wrapperStyle={{ fontSize: 13 }} /> : null}
        {series.map((s, i) => (
          <Bar
            key={s.key}
            dataKey={s.key}
            name={s.name}
            fill={FILLS[i % FILLS.length]}
            stroke={i % 2 ? "var(--color-warning)" : "var(--color-primary)"}
            isAnimationActive={false}
            barSize={22}
          >
            <LabelList
              dataKey={s.key}
              position="right"
              fontSize={12}
              fill="var(--color-text)"
              formatter={(v: unknown) => (typeof v === "number" ? format(v) : "")}
            />
          </Bar>
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}
