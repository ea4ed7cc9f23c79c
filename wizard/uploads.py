"""No page of Pestgesprek takes a file: a file part is refused before any of it is read or stored."""
from django.core.files.uploadhandler import FileUploadHandler, StopUpload


class RefuseFileUploads(FileUploadHandler):
    def new_file(self, *args, **kwargs):
        # Marked on the request so the view can say why nothing was saved.
        self.request.file_refused = True
        raise StopUpload(connection_reset=True)

    def receive_data_chunk(self, raw_data, start):
        return None

    def file_complete(self, file_size):
        return None
