import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { Button } from './button';

afterEach(cleanup);

describe('Button', () => {
  it('is a non-submitting button by default', () => {
    render(<Button>Save</Button>);
    expect(screen.getByRole('button', { name: 'Save' }).getAttribute('type')).toBe('button');
  });

  it('marks itself busy and blocks presses while loading', () => {
    render(<Button isLoading>Save</Button>);
    const button = screen.getByRole('button', { name: 'Save' });
    expect(button.getAttribute('aria-busy')).toBe('true');
    expect(button).toHaveProperty('disabled', true);
  });

  it('renders its child instead of a <button> with asChild', () => {
    render(
      <Button asChild variant="primary">
        <a href="/api/docs">API reference</a>
      </Button>,
    );
    const link = screen.getByRole('link', { name: 'API reference' });
    expect(link.className).toContain('ui-button--primary');
    expect(screen.queryByRole('button')).toBeNull();
  });
});
