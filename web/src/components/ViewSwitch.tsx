interface ViewSwitchProps<V extends string> {
  /** what the choice is about, read by screen readers (e.g. "View blood pressure as") */
  legend: string;
  value: V;
  onChange: (value: V) => void;
  options: { id: V; label: string }[];
}

/** Two or more ways to see the same thing (chart or table): toggle buttons, the current one pressed. */
export function ViewSwitch<V extends string>({ legend, value, onChange, options }: ViewSwitchProps<V>) {
  return (
    <fieldset className="view-switch">
      <legend className="visually-hidden">{legend}</legend>
      {options.map((o) => (
        <button
          key={o.id}
          type="button"
          className="view-switch__button"
          aria-pressed={value === o.id}
          onClick={() => onChange(o.id)}
        >
          {o.label}
        </button>
      ))}
    </fieldset>
  );
}
