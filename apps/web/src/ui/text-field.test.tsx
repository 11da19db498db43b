import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { TextField } from './text-field';

afterEach(cleanup);

describe('TextField', () => {
  it('labels the input', () => {
    render(<TextField label="E-mail" name="email" />);
    expect(screen.getByRole('textbox', { name: 'E-mail' })).toBeTruthy();
  });

  it('is valid and describes only its hint when there is no error', () => {
    render(<TextField label="E-mail" hint="We never share it." />);
    const input = screen.getByRole('textbox', { name: 'E-mail' });
    expect(input.getAttribute('aria-invalid')).toBeNull();
    expect(input.getAttribute('aria-describedby')).toBe(screen.getByText('We never share it.').id);
  });

  it('shows the error, marks the input invalid and links the message to it', () => {
    render(<TextField label="E-mail" hint="Work address" error="Enter a valid e-mail address." />);
    const input = screen.getByRole('textbox', { name: 'E-mail' });
    const message = screen.getByText('Enter a valid e-mail address.');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    const describedBy = input.getAttribute('aria-describedby')?.split(' ') ?? [];
    expect(describedBy).toContain(message.id);
    expect(describedBy).toContain(screen.getByText('Work address').id);
  });
});
