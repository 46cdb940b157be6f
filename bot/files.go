package bot

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"path"
	"strings"

	tgbot "github.com/go-telegram/bot"

	"github.com/ots-customs/wgbot/handlers"
)

// fileGetter downloads files sent to the bot: getFile, then a GET of the file
// URL, which holds the token; so every error is redacted and the URL is never
// logged or returned.
type fileGetter struct {
	tg     *tgbot.Bot
	client *http.Client
	token  string
}

var _ handlers.FileGetter = (*fileGetter)(nil)

// Download returns at most max bytes of a file; a larger one gives
// handlers.ErrFileTooLarge without reading more than max+1 bytes.
func (f *fileGetter) Download(ctx context.Context, fileID string, max int64) ([]byte, string, error) {
	file, err := f.tg.GetFile(ctx, &tgbot.GetFileParams{FileID: fileID})
	if err != nil {
		if strings.Contains(strings.ToLower(err.Error()), "file is too big") { // Telegram's answer above 20 MB
			return nil, "", fmt.Errorf("getFile: %w", handlers.ErrFileTooLarge)
		}
		return nil, "", fmt.Errorf("getFile: %s", redact(err.Error(), f.token))
	}
	if file.FileSize > max {
		return nil, "", fmt.Errorf("getFile: %d bytes: %w", file.FileSize, handlers.ErrFileTooLarge)
	}
	if file.FilePath == "" {
		return nil, "", errors.New("getFile: Telegram gave no file path")
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, f.tg.FileDownloadLink(file), nil)
	if err != nil {
		return nil, "", fmt.Errorf("download file: %s", redact(err.Error(), f.token))
	}
	resp, err := f.client.Do(req)
	if err != nil {
		return nil, "", fmt.Errorf("download file: %s", redact(err.Error(), f.token))
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, "", fmt.Errorf("download file: HTTP %d", resp.StatusCode)
	}
	if resp.ContentLength > max {
		return nil, "", fmt.Errorf("download file: %d bytes: %w", resp.ContentLength, handlers.ErrFileTooLarge)
	}
	data, err := io.ReadAll(io.LimitReader(resp.Body, max+1))
	if err != nil {
		return nil, "", fmt.Errorf("download file: %s", redact(err.Error(), f.token))
	}
	if int64(len(data)) > max {
		return nil, "", fmt.Errorf("download file: more than %d bytes: %w", max, handlers.ErrFileTooLarge)
	}
	return data, path.Base(file.FilePath), nil
}
