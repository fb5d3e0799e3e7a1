import type { ButtonHTMLAttributes } from 'react';

export type ButtonVariant = 'primary' | 'secondary' | 'danger' | 'quiet';

/** The button look, also for links that act as the main call to action. */
export const buttonClass = (variant: ButtonVariant = 'secondary') => `button button--${variant}`;

interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: ButtonVariant;
  /** Shows that the action is running and prevents a second click meanwhile. */
  busy?: boolean;
}

export function Button({ variant, busy = false, type = 'button', className, disabled, ...rest }: ButtonProps) {
  return (
    <button
      type={type}
      className={[buttonClass(variant), className].filter(Boolean).join(' ')}
      disabled={disabled || busy}
      aria-busy={busy || undefined}
      {...rest}
    />
  );
}
