/** Props of {@link AwsErrorAlert}. */
export interface AwsErrorAlertProps {
  /** What was thrown: an SDK exception (`InvalidParameterValueException`, …) or any other error. */
  error: unknown;
  /** What failed, shown above the error, e.g. "The alarm could not be saved". */
  title?: string;
}

/** The exception's name and message, as the API sent them. */
export function describeError(error: unknown): { name: string; message: string } {
  if (error instanceof Error) return { name: error.name, message: error.message };
  return { name: 'Error', message: String(error) };
}

/** An error from the API, shown inline as `error.name: error.message`. */
export function AwsErrorAlert({ error, title }: AwsErrorAlertProps) {
  const { name, message } = describeError(error);
  return (
    <div role="alert" className="rounded border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
      {title && <div className="font-medium">{title}</div>}
      <span className="font-mono font-semibold">{name}</span>:{' '}
      <span className="whitespace-pre-line">{message}</span>
    </div>
  );
}
