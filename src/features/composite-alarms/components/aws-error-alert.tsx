/** Props of {@link AwsErrorAlert}. */
export interface AwsErrorAlertProps {
  /** What was thrown: an SDK exception (`InvalidParameterValueException`, …) or any other error. */
  error: unknown;
  /** What failed, shown above the error, e.g. "The alarm could not be saved". */
  title?: string;
}

/** An error from the API, shown inline with AWS's exception name and message. */
export function AwsErrorAlert({ error, title }: AwsErrorAlertProps) {
  const name = error instanceof Error ? error.name : 'Error';
  const message = error instanceof Error ? error.message : String(error);
  return (
    <div role="alert" className="rounded border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
      {title && <div className="font-medium">{title}</div>}
      <span className="font-mono font-semibold">{name}</span>:{' '}
      <span className="whitespace-pre-line">{message}</span>
    </div>
  );
}
