import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../lib/api';
import { saveStatusLabel, useAutosave } from './use-autosave';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

const conflict = () =>
  new ApiError({ code: 'scorecard.revision_conflict', status: 409, detail: 'Saved in another tab.' });

function setup(save: (value: string, revision: number) => Promise<number>) {
  return renderHook(() => useAutosave<string>({ initialRevision: 3, save }));
}

describe('useAutosave', () => {
  it('saves the latest value once, 800 ms after the last change, with the last revision', async () => {
    const save = vi.fn((_value: string, revision: number) => Promise.resolve(revision + 1));
    const { result } = setup(save);
    act(() => result.current.schedule('a'));
    act(() => result.current.schedule('ab'));
    expect(saveStatusLabel(result.current.status)).toBe('Unsaved changes');
    await act(() => vi.advanceTimersByTimeAsync(799));
    expect(save).not.toHaveBeenCalled();
    await act(() => vi.advanceTimersByTimeAsync(1));
    expect(save).toHaveBeenCalledExactlyOnceWith('ab', 3);
    expect(saveStatusLabel(result.current.status)).toBe('Saved');
    act(() => result.current.schedule('abc'));
    await act(() => vi.advanceTimersByTimeAsync(800));
    expect(save).toHaveBeenLastCalledWith('abc', 4);
  });

  it('shows Saving… while a save is in flight and saves edits made meanwhile afterwards', async () => {
    let finish: (revision: number) => void = () => undefined;
    const save = vi.fn(
      (_value: string, revision: number) => new Promise<number>((resolve) => (finish = () => resolve(revision + 1))),
    );
    const { result } = setup(save);
    act(() => result.current.schedule('one'));
    await act(() => vi.advanceTimersByTimeAsync(800));
    expect(saveStatusLabel(result.current.status)).toBe('Saving…');
    act(() => result.current.schedule('two'));
    await act(() => vi.advanceTimersByTimeAsync(800));
    expect(save).toHaveBeenCalledTimes(1);
    await act(async () => finish(4));
    expect(save).toHaveBeenLastCalledWith('two', 4);
    await act(async () => finish(5));
    expect(saveStatusLabel(result.current.status)).toBe('Saved');
  });

  it('stops on a 409 instead of overwriting, and flush reports it', async () => {
    const save = vi.fn(() => Promise.reject(conflict()));
    const { result } = setup(save);
    act(() => result.current.schedule('mine'));
    let failure: unknown;
    await act(async () => {
      await result.current.flush().catch((error: unknown) => (failure = error));
    });
    expect(failure).toBeInstanceOf(ApiError);
    expect(result.current.status).toEqual({ kind: 'conflict', message: 'Saved in another tab.' });
    act(() => result.current.schedule('more'));
    await act(() => vi.advanceTimersByTimeAsync(2000));
    expect(save).toHaveBeenCalledTimes(1);
  });

  it('keeps other failures retryable', async () => {
    const save = vi
      .fn<(value: string, revision: number) => Promise<number>>()
      .mockRejectedValueOnce(new ApiError({ code: 'client.network_unreachable', status: 0, detail: 'Offline.' }))
      .mockResolvedValueOnce(4);
    const { result } = setup(save);
    act(() => result.current.schedule('x'));
    await act(() => vi.advanceTimersByTimeAsync(800));
    expect(saveStatusLabel(result.current.status)).toBe('Not saved: Offline.');
    await act(async () => result.current.retry());
    expect(saveStatusLabel(result.current.status)).toBe('Saved');
    expect(save).toHaveBeenLastCalledWith('x', 3);
  });
});
