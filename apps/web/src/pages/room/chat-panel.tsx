import { CHAT_MAX_LENGTH, type ChatMessage } from '@interviewselect/contracts';
import clsx from 'clsx';
import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { Button } from '../../ui/button';

export interface ChatPanelProps {
  messages: readonly ChatMessage[];
  meId: string;
  /** Null while chat cannot be sent (not connected yet). */
  onSend: ((text: string) => void) | null;
}

const timeFormat = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });

/**
 * The room's chat. Messages come from the room document (the server writes
 * them, so authors cannot be forged); the list is a polite live region, so a
 * new message is read out without stealing focus.
 */
export function ChatPanel({ messages, meId, onSend }: ChatPanelProps) {
  const [draft, setDraft] = useState('');
  const inputId = useId();
  const listRef = useRef<HTMLDivElement>(null);
  const count = messages.length;

  // Follow new messages unless the reader scrolled up to read older ones.
  useEffect(() => {
    const list = listRef.current;
    if (!list) return;
    const isNearBottom = list.scrollHeight - list.scrollTop - list.clientHeight < 80;
    if (isNearBottom || messages.at(-1)?.participantId === meId) list.scrollTop = list.scrollHeight;
  }, [count, messages, meId]);

  function send(event?: FormEvent) {
    event?.preventDefault();
    const text = draft.trim();
    if (!text || !onSend) return;
    onSend(text);
    setDraft('');
  }

  function handleKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) send(event);
  }

  return (
    <section className="room-chat" aria-label="Chat">
      <h2 className="room-section-title">Chat</h2>
      {/* The log wraps the list: role="log" on the <ol> itself would hide its list semantics. */}
      <div
        ref={listRef}
        className="room-chat__log"
        role="log"
        aria-live="polite"
        aria-label="Chat messages"
        tabIndex={0}
      >
        {messages.length === 0 ? <p className="room-chat__empty">No messages yet.</p> : null}
        <ol className="room-chat__list">
          {messages.map((message) => (
            <li
              key={message.id}
              className={clsx('room-chat__message', message.participantId === meId && 'room-chat__message--mine')}
            >
              <p className="room-chat__meta">
                <span className="room-chat__author">{message.participantId === meId ? 'You' : message.author}</span>
                <time dateTime={new Date(message.at).toISOString()}>{timeFormat.format(message.at)}</time>
              </p>
              <p className="room-chat__text">{message.text}</p>
            </li>
          ))}
        </ol>
      </div>
      <form className="room-chat__form" onSubmit={send}>
        <label htmlFor={inputId} className="visually-hidden">
          Message
        </label>
        <textarea
          id={inputId}
          className="ui-field__input room-chat__input"
          value={draft}
          onChange={(event) => setDraft(event.target.value)}
          onKeyDown={handleKeyDown}
          maxLength={CHAT_MAX_LENGTH}
          rows={2}
          placeholder="Message everyone (Enter sends)"
        />
        <Button type="submit" size="sm" variant="primary" disabled={!onSend || draft.trim() === ''}>
          Send
        </Button>
      </form>
    </section>
  );
}
